// The profile colour picker: a radio group, so arrow keys move between swatches.
import { useId } from 'react';
import { PROFILE_COLORS, type ProfileColor } from '../../../shared/profiles/profiles.js';
import styles from './ColorSwatches.module.css';

// Same order as PROFILE_COLORS; names are for screen readers and tooltips.
const COLOR_NAMES: Record<ProfileColor, string> = {
  '#3b82f6': 'Blue',
  '#10b981': 'Green',
  '#f59e0b': 'Amber',
  '#ef4444': 'Red',
  '#8b5cf6': 'Violet',
  '#ec4899': 'Pink',
  '#14b8a6': 'Teal',
  '#64748b': 'Slate',
};

interface ColorSwatchesProps {
  value: ProfileColor;
  onChange: (color: ProfileColor) => void;
  disabled?: boolean;
}

export function ColorSwatches({ value, onChange, disabled }: ColorSwatchesProps) {
  const name = useId();
  return (
    <fieldset className={styles.group} disabled={disabled}>
      <legend className={styles.legend}>Colour</legend>
      <div className={styles.swatches}>
        {PROFILE_COLORS.map((color) => (
          <label key={color} className={styles.swatch} title={COLOR_NAMES[color]} style={{ color }}>
            <input
              type="radio"
              className={styles.input}
              name={name}
              value={color}
              checked={value === color}
              onChange={() => onChange(color)}
              aria-label={COLOR_NAMES[color]}
            />
            <span className={styles.dot} style={{ backgroundColor: color }} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
