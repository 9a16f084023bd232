// Theme (system/light/dark) and how dates and times read: first day of the week and the
// 12/24-hour clock, each "Automatic" from the system locale unless chosen here. These are
// choices of this computer, not of the profile, so they also apply on the picker.
import { useId } from 'react';
import type { HourCycleChoice, WeekStartChoice } from '../../../../shared/locale-prefs.js';
import type { ThemeChoice } from '../../../../shared/theme-colors.js';
import { SegmentedControl } from '../../../components/SegmentedControl.js';
import { Select, type Choice } from '../../../components/Select.js';
import { dateFormat, setLocalePrefs, useLocalePrefs } from '../../../format/locale.js';
import { setThemeChoice, useTheme } from '../../../theme/theme.js';
import styles from './ProfileSettings.module.css';

const THEME_OPTIONS: { value: ThemeChoice; label: string; testId: string }[] = [
  { value: 'system', label: 'System', testId: 'theme-system' },
  { value: 'light', label: 'Light', testId: 'theme-light' },
  { value: 'dark', label: 'Dark', testId: 'theme-dark' },
];

/** A weekday's name in the viewer's locale (2026-11-29 was a Sunday). */
const weekdayName = (day: number) => dateFormat({ weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 29 + day, 12));

interface ChoiceFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
  testId: string;
}

function ChoiceField<V extends string>({ label, value, options, onChange, testId }: ChoiceFieldProps<V>) {
  const id = useId();
  return (
    <label className={styles.field} htmlFor={id}>
      <span className={styles.fieldLabel}>{label}</span>
      <Select id={id} className={styles.select} value={value} options={options} onChange={onChange} data-testid={testId} />
    </label>
  );
}

export function AppearanceForm() {
  const { choice } = useTheme();
  const { prefs, resolved } = useLocalePrefs();
  const weekChoices: Choice<WeekStartChoice>[] = [
    { value: 'auto', label: `Automatic (${weekdayName(resolved.weekStart)})` },
    { value: '1', label: weekdayName(1) },
    { value: '0', label: weekdayName(0) },
    { value: '6', label: weekdayName(6) },
  ];
  const clockChoices: Choice<HourCycleChoice>[] = [
    { value: 'auto', label: `Automatic (${resolved.hour12 ? '12-hour' : '24-hour'})` },
    { value: 'h12', label: '12-hour' },
    { value: 'h23', label: '24-hour' },
  ];
  const sample = dateFormat({ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 1, 17, 30));

  return (
    <div className={styles.section} data-testid="appearance-form">
      <h3 className={styles.heading}>Appearance</h3>
      <div className={styles.field}>
        <span className={styles.fieldLabel}>Theme</span>
        <SegmentedControl label="Theme" value={choice} options={THEME_OPTIONS} onChange={setThemeChoice} />
      </div>
      <h3 className={styles.heading}>Dates and times</h3>
      <p className={styles.text}>
        Shown as your system’s language and region ({resolved.locale}) write them. Change the first day of the week or the
        clock here.
      </p>
      <div className={styles.fieldRow}>
        <ChoiceField label="First day of the week" value={prefs.weekStart} options={weekChoices} onChange={(weekStart) => setLocalePrefs({ ...prefs, weekStart })} testId="week-start" />
        <ChoiceField label="Clock" value={prefs.hourCycle} options={clockChoices} onChange={(hourCycle) => setLocalePrefs({ ...prefs, hourCycle })} testId="hour-cycle" />
      </div>
      <p className={styles.text} data-testid="clock-sample">
        A time reads: {sample}
      </p>
    </div>
  );
}
