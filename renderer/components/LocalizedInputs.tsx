// Native date and time fields drawn in the viewer's locale and 12/24-hour choice. Chromium
// draws them from their `lang` (see fieldLang); the page itself stays lang="en", the
// language of its words. Values stay `YYYY-MM-DD` and `HH:MM` whatever is shown.
import type { InputHTMLAttributes } from 'react';
import { fieldLang } from '../../shared/locale-prefs.js';
import { useLocalePrefs } from '../format/locale.js';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'lang'>;

export function TimeInput(props: FieldProps) {
  const { resolved } = useLocalePrefs();
  return <input {...props} type="time" lang={fieldLang(resolved)} />;
}

export function DateInput(props: FieldProps) {
  const { resolved } = useLocalePrefs();
  return <input {...props} type="date" lang={fieldLang(resolved)} />;
}
