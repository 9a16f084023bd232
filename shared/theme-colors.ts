// The colour tokens of the two themes. One source for the renderer (which writes them as
// CSS custom properties on :root, see renderer/theme/theme.ts) and for the contrast test,
// so what is checked is what is drawn.

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** What the person picks in Settings; `system` follows the OS. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export type ColorToken =
  | 'bg'
  | 'surface'
  | 'surface-muted'
  | 'surface-hover'
  | 'border'
  | 'border-strong'
  | 'text'
  | 'text-muted'
  | 'text-subtle'
  | 'accent'
  | 'accent-hover'
  | 'accent-soft'
  | 'accent-text'
  | 'danger'
  | 'danger-soft'
  | 'danger-border'
  | 'warning-soft'
  | 'warning-border'
  | 'warning-text'
  | 'info-soft'
  | 'info-border'
  | 'info-text'
  | 'sidebar';

export interface Palette {
  colors: Record<ColorToken, string>;
  shadows: { sm: string; md: string; lg: string };
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    colors: {
      bg: '#f6f6f7',
      surface: '#ffffff',
      'surface-muted': '#f1f1f3',
      'surface-hover': '#ececef',
      border: '#e4e4e7',
      'border-strong': '#d1d1d6',
      text: '#18181b',
      'text-muted': '#52525b',
      // #71717a (zinc 500) was 4.1:1 on hovered rows; this one keeps 4.5:1 on all surfaces.
      'text-subtle': '#62626b',
      accent: '#4f46e5',
      'accent-hover': '#4338ca',
      'accent-soft': '#eef2ff',
      'accent-text': '#ffffff',
      danger: '#c81e1e',
      'danger-soft': '#fef2f2',
      'danger-border': '#fecaca',
      'warning-soft': '#fffbeb',
      'warning-border': '#fde68a',
      'warning-text': '#92400e',
      'info-soft': '#f0f9ff',
      'info-border': '#bae6fd',
      'info-text': '#075985',
      sidebar: '#fafafa',
    },
    shadows: {
      sm: '0 1px 2px rgb(0 0 0 / 0.05)',
      md: '0 1px 3px rgb(0 0 0 / 0.06), 0 4px 12px rgb(0 0 0 / 0.05)',
      lg: '0 2px 6px rgb(0 0 0 / 0.05), 0 12px 32px rgb(0 0 0 / 0.08)',
    },
  },
  dark: {
    colors: {
      bg: '#111113',
      surface: '#1a1a1d',
      'surface-muted': '#222226',
      'surface-hover': '#2a2a2f',
      border: '#2e2e33',
      'border-strong': '#3f3f46',
      text: '#f4f4f5',
      'text-muted': '#b4b4bb',
      // #8b8b94 was 4.2:1 on hovered rows.
      'text-subtle': '#9b9ba4',
      accent: '#8b95f9',
      'accent-hover': '#a5b4fc',
      'accent-soft': '#1e1b4b',
      'accent-text': '#111113',
      danger: '#f87171',
      'danger-soft': '#2a1414',
      'danger-border': '#5b2121',
      'warning-soft': '#2a2110',
      'warning-border': '#5c4614',
      'warning-text': '#fcd34d',
      'info-soft': '#0c1d2a',
      'info-border': '#123a55',
      'info-text': '#7dd3fc',
      sidebar: '#151517',
    },
    shadows: {
      sm: '0 1px 2px rgb(0 0 0 / 0.4)',
      md: '0 1px 3px rgb(0 0 0 / 0.4), 0 4px 12px rgb(0 0 0 / 0.3)',
      lg: '0 2px 6px rgb(0 0 0 / 0.4), 0 12px 32px rgb(0 0 0 / 0.4)',
    },
  },
};

/** Text tokens and the backgrounds each is drawn on; every pair must reach AA (4.5:1). */
export const TEXT_PAIRS: ReadonlyArray<readonly [ColorToken, ColorToken]> = [
  ...(['text', 'text-muted', 'text-subtle', 'accent', 'danger'] as const).flatMap((fg) =>
    (['bg', 'surface', 'surface-muted', 'surface-hover', 'sidebar'] as const).map((bg) => [fg, bg] as const),
  ),
  ['accent-text', 'accent'],
  ['accent-text', 'accent-hover'],
  ['accent', 'accent-soft'],
  ['text', 'accent-soft'],
  ['danger', 'danger-soft'],
  ['text', 'danger-soft'],
  ['warning-text', 'warning-soft'],
  ['warning-text', 'surface'],
  ['info-text', 'info-soft'],
  ['info-text', 'surface'],
];

/** The theme a choice shows, given whether the OS prefers dark. */
export const resolveTheme = (choice: ThemeChoice, systemDark: boolean): Theme =>
  choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
