// A failure in words for the person: a short title and, where there is one, what to do.
// Each feature names the codes it can meet; a code it does not name gets its general title.
import type { AppError } from '../../shared/errors.js';

export type ErrorTexts = Partial<Record<AppError['code'], string>>;

export interface ErrorWords {
  title: (error: AppError) => string;
  hint: (error: AppError) => string | null;
}

export const errorWords = (titles: ErrorTexts, hints: ErrorTexts, otherTitle: string): ErrorWords => ({
  title: (error) => titles[error.code] ?? otherTitle,
  hint: (error) => hints[error.code] ?? null,
});
