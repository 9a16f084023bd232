// Line icons drawn inline: the CSP allows no remote images or icon fonts.
import type { ReactNode } from 'react';

export type IconName =
  | 'lock'
  | 'plus'
  | 'home'
  | 'tasks'
  | 'notes'
  | 'events'
  | 'analysis'
  | 'switch'
  | 'back'
  | 'alert'
  | 'close'
  | 'shield'
  | 'search'
  | 'trash'
  | 'restore'
  | 'pin'
  | 'check'
  | 'chevron-left'
  | 'chevron-right'
  | 'grip'
  | 'clock'
  | 'location'
  | 'flag'
  | 'list'
  | 'grid'
  | 'eye'
  | 'eye-off'
  | 'more'
  | 'archive'
  | 'settings'
  | 'window'
  | 'tag';

/** A circle (cx, cy, r) or a rounded rectangle (x, y, width, height, rx); anything else is path data. */
type Shape = string | { circle: readonly [number, number, number] } | { rect: readonly [number, number, number, number, number] };

/** Each icon's strokes on a 24 × 24 grid. */
const SHAPES: Record<IconName, readonly Shape[]> = {
  lock: [{ rect: [5, 11, 14, 10, 2] }, 'M8 11V7a4 4 0 0 1 8 0v4'],
  plus: ['M12 5v14M5 12h14'],
  home: ['M4 10.5 12 4l8 6.5V20a1 1 0 0 1-1 1h-4.5v-6h-5v6H5a1 1 0 0 1-1-1z'],
  tasks: [{ rect: [4, 4, 16, 16, 3] }, 'm8.5 12 2.5 2.5 4.5-5'],
  notes: ['M6 3h9l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z', 'M9 12h6M9 16h6M14 3v5h5'],
  events: [{ rect: [4, 5, 16, 16, 2] }, 'M4 10h16M8 3v4M16 3v4'],
  analysis: ['M4 20V10M10 20V4M16 20v-7M22 20H2'],
  switch: ['M16 3l4 4-4 4', 'M20 7H8', 'M8 21l-4-4 4-4', 'M4 17h12'],
  back: ['M15 18l-6-6 6-6'],
  alert: ['M12 3 2 20h20z', 'M12 10v4M12 17.5v.01'],
  close: ['M6 6l12 12M18 6 6 18'],
  shield: ['M12 3 5 6v5c0 4.5 3 8.5 7 10 4-1.5 7-5.5 7-10V6z'],
  search: [{ circle: [11, 11, 6.5] }, 'm16 16 4.5 4.5'],
  trash: ['M4 7h16M10 11v6M14 11v6', 'M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3'],
  restore: ['M4 12a8 8 0 1 0 2.3-5.6L4 8.7', 'M4 4v4.7h4.7'],
  pin: ['M9 4h6l-1 6 3 3v2H7v-2l3-3z', 'M12 15v6'],
  check: ['m5 12.5 4.5 4.5L19 7.5'],
  'chevron-left': ['M15 18l-6-6 6-6'],
  'chevron-right': ['M9 18l6-6-6-6'],
  eye: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', { circle: [12, 12, 3] }],
  'eye-off': [
    'M10.6 5.1A10.7 10.7 0 0 1 12 5c6.5 0 10 7 10 7a17.6 17.6 0 0 1-2.6 3.6M6.6 6.6C3.8 8.4 2 12 2 12s3.5 7 10 7a9.7 9.7 0 0 0 5.4-1.6',
    'M9.9 9.9a3 3 0 0 0 4.2 4.2M3 3l18 18',
  ],
  more: [{ circle: [5, 12, 1] }, { circle: [12, 12, 1] }, { circle: [19, 12, 1] }],
  archive: ['M3 4h18v4H3zM5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8', 'M10 12h4'],
  settings: [
    { circle: [12, 12, 3] },
    'M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z',
  ],
  window: [{ rect: [3, 4, 18, 16, 2] }, 'M3 9h18'],
  tag: ['M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z', { circle: [7.5, 7.5, 1] }],
  grip: [{ circle: [9, 6, 1] }, { circle: [15, 6, 1] }, { circle: [9, 12, 1] }, { circle: [15, 12, 1] }, { circle: [9, 18, 1] }, { circle: [15, 18, 1] }],
  clock: [{ circle: [12, 12, 8.5] }, 'M12 7.5V12l3 2'],
  location: ['M12 21s-6.5-5.7-6.5-11a6.5 6.5 0 0 1 13 0c0 5.3-6.5 11-6.5 11z', { circle: [12, 10, 2.3] }],
  flag: ['M5 21V4h11l-1.5 4L16 12H5'],
  list: ['M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01'],
  grid: [{ rect: [4, 4, 16, 16, 2] }, 'M4 10h16M4 15h16M9.3 4v16M14.7 4v16'],
};

function stroke(shape: Shape, key: number): ReactNode {
  if (typeof shape === 'string') return <path key={key} d={shape} />;
  if ('circle' in shape) {
    const [cx, cy, r] = shape.circle;
    return <circle key={key} cx={cx} cy={cy} r={r} />;
  }
  const [x, y, width, height, rx] = shape.rect;
  return <rect key={key} x={x} y={y} width={width} height={height} rx={rx} />;
}

interface IconProps {
  name: IconName;
  size?: number;
  className?: string;
}

export function Icon({ name, size = 16, className }: IconProps) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name].map(stroke)}
    </svg>
  );
}
