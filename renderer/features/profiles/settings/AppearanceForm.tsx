// Theme (system/light/dark) and how dates and times read: first day of the week and the
// 12/24-hour clock, each "Automatic" from the system locale unless chosen here. These are
// choices of this computer, not of the profile, so they also apply on the picker.
import { useId } from 'react';
import type { HourCycleChoice, WeekStartChoice } from '../../../../shared/locale-prefs.js';
import type { ThemeChoice } from '../../../../shared/theme-colors.js';
import { SegmentedControl } from '../../../components/SegmentedControl.js';
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

export function AppearanceForm() {
  const { choice } = useTheme();
  const { prefs, resolved } = useLocalePrefs();
  const weekId = useId();
  const clockId = useId();
  const auto = { week: weekdayName(resolved.weekStart), clock: resolved.hour12 ? '12-hour' : '24-hour' };
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
        <label className={styles.field} htmlFor={weekId}>
          <span className={styles.fieldLabel}>First day of the week</span>
          <select
            id={weekId}
            className={styles.select}
            value={prefs.weekStart}
            onChange={(e) => setLocalePrefs({ ...prefs, weekStart: e.target.value as WeekStartChoice })}
            data-testid="week-start"
          >
            <option value="auto">Automatic ({auto.week})</option>
            <option value="1">{weekdayName(1)}</option>
            <option value="0">{weekdayName(0)}</option>
            <option value="6">{weekdayName(6)}</option>
          </select>
        </label>
        <label className={styles.field} htmlFor={clockId}>
          <span className={styles.fieldLabel}>Clock</span>
          <select
            id={clockId}
            className={styles.select}
            value={prefs.hourCycle}
            onChange={(e) => setLocalePrefs({ ...prefs, hourCycle: e.target.value as HourCycleChoice })}
            data-testid="hour-cycle"
          >
            <option value="auto">Automatic ({auto.clock})</option>
            <option value="h12">12-hour</option>
            <option value="h23">24-hour</option>
          </select>
        </label>
      </div>
      <p className={styles.text} data-testid="clock-sample">
        A time reads: {sample}
      </p>
    </div>
  );
}
