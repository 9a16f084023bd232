// One radio button a choice, each inside its label, all under one name. The group around
// them (a fieldset with its legend, or a role="radiogroup") stays with the caller, which
// knows what the choice is about.
import type { Choice } from './Select.js';

interface RadioChoicesProps<V extends string> {
  name: string;
  value: V;
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
  /** The class of each label (its radio and text). */
  className?: string;
  /** Each radio's test id is `<testIdPrefix>-<value>`. */
  testIdPrefix?: string;
}

export function RadioChoices<V extends string>({ name, value, options, onChange, className, testIdPrefix }: RadioChoicesProps<V>) {
  return options.map((o) => (
    <label key={o.value} className={className}>
      <input
        type="radio"
        name={name}
        checked={value === o.value}
        onChange={() => onChange(o.value)}
        data-testid={testIdPrefix ? `${testIdPrefix}-${o.value}` : undefined}
      />
      {o.label}
    </label>
  ));
}
