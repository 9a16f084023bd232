// A native <select> over a list of typed choices. The value handed to onChange is one of
// the choices' values (the element only ever holds those), so callers get their union type
// back instead of casting `e.target.value` each time. The label and its layout stay with
// the caller: each form lays its fields out differently.
import type { SelectHTMLAttributes } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface SelectProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> {
  value: V;
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
}

export function Select<V extends string>({ value, options, onChange, ...select }: SelectProps<V>) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The choices for every value of a union, labelled from its label table. */
export const choicesOf = <V extends string>(values: readonly V[], labels: Record<V, string>): Choice<V>[] =>
  values.map((value) => ({ value, label: labels[value] }));
