// After a failed submit, the keyboard goes to the first field that needs fixing, as a
// screen reader user and a keyboard user expect: the error is said where the cursor is.
// A field group marked invalid (a fieldset of date and time) gives focus to its first field.

/** Focuses the first invalid field inside `form` once React has drawn the error. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches('input, select, textarea, button') ? invalid : invalid?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
  });
}
