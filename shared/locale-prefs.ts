// How dates, times and numbers read for a person: their system locale, with the first day
// of the week and 12/24-hour clock taken from it unless they chose otherwise in Settings.
// Pure (the locale is a parameter), so tests can try any locale without changing the machine's.

export const HOUR_CYCLES = ['auto', 'h12', 'h23'] as const;
export type HourCycleChoice = (typeof HOUR_CYCLES)[number];
/** 0 Sunday … 6 Saturday, or `auto` for the locale's own. */
export const WEEK_START_CHOICES = ['auto', '0', '1', '6'] as const;
export type WeekStartChoice = (typeof WEEK_START_CHOICES)[number];

export interface LocalePrefs {
  hourCycle: HourCycleChoice;
  weekStart: WeekStartChoice;
}

export const DEFAULT_LOCALE_PREFS: LocalePrefs = { hourCycle: 'auto', weekStart: 'auto' };

export interface ResolvedLocale {
  /** A BCP 47 tag Intl accepts. */
  locale: string;
  /** 0 Sunday … 6 Saturday. */
  weekStart: number;
  hour12: boolean;
}

/** Regions whose weeks start on Sunday or Saturday (CLDR weekData); the rest start on Monday. */
const SUNDAY_REGIONS = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '),
);
const SATURDAY_REGIONS = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/** The first day of the week in a locale, 0 Sunday … 6 Saturday. */
export function localeWeekStart(locale: string): number {
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & WeekInfoLocale;
    // Intl gives 1 Monday … 7 Sunday where it knows (getWeekInfo, or the older weekInfo getter).
    const info = typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
    if (info && Number.isInteger(info.firstDay)) return info.firstDay % 7;
    const region = l.maximize().region ?? '';
    return SUNDAY_REGIONS.has(region) ? 0 : SATURDAY_REGIONS.has(region) ? 6 : 1;
  } catch {
    return 1;
  }
}

/** Whether a locale writes times with a 12-hour clock. */
export function localeUses12Hour(locale: string): boolean {
  try {
    const o = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
    return o.hour12 ?? (o.hourCycle === 'h12' || o.hourCycle === 'h11');
  } catch {
    return false;
  }
}

/** The locale as Intl reads it, or `en` when the tag is not one. */
export function canonicalLocale(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale ?? [])[0] ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return 'en';
  }
}

export function resolveLocale(systemLocale: string | undefined, prefs: LocalePrefs): ResolvedLocale {
  const locale = canonicalLocale(systemLocale);
  return {
    locale,
    weekStart: prefs.weekStart === 'auto' ? localeWeekStart(locale) : Number(prefs.weekStart),
    hour12: prefs.hourCycle === 'auto' ? localeUses12Hour(locale) : prefs.hourCycle === 'h12',
  };
}

/** Intl options with the person's clock: pass to any format that shows an hour. */
export const withClock = <T extends Intl.DateTimeFormatOptions>(r: ResolvedLocale, options: T): T & { hourCycle: 'h12' | 'h23' } => ({
  ...options,
  hourCycle: r.hour12 ? 'h12' : 'h23',
});

/** The seven weekdays (0 Sunday … 6 Saturday) in display order for a week start. */
export const weekdayOrder = (weekStart: number): number[] => Array.from({ length: 7 }, (_, i) => (weekStart + i) % 7);

/** Reads stored preferences, ignoring anything that is not a known choice. */
export function parseLocalePrefs(json: string | null): LocalePrefs {
  try {
    const v = JSON.parse(json ?? '{}') as Partial<Record<keyof LocalePrefs, unknown>>;
    return {
      hourCycle: (HOUR_CYCLES as readonly unknown[]).includes(v.hourCycle) ? (v.hourCycle as HourCycleChoice) : 'auto',
      weekStart: (WEEK_START_CHOICES as readonly unknown[]).includes(v.weekStart) ? (v.weekStart as WeekStartChoice) : 'auto',
    };
  } catch {
    return DEFAULT_LOCALE_PREFS;
  }
}

/**
 * The `lang` for a native date or time field, so Chromium draws it in the person's locale
 * and clock (with its LangAttributeAwareFormControlUI feature, which main and the test
 * harness turn on; without it fields follow the browser's UI language, whatever the
 * 12/24-hour choice). The value of the field stays `HH:MM` / `YYYY-MM-DD` either way.
 */
export function fieldLang(r: ResolvedLocale): string {
  try {
    return new Intl.Locale(r.locale, { hourCycle: r.hour12 ? 'h12' : 'h23' }).toString();
  } catch {
    return r.locale;
  }
}
