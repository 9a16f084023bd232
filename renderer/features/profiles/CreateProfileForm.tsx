// New profile: name, colour, and an optional password (typed twice).
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import { PASSWORD_MIN, PROFILE_NAME_MAX, type ProfileColor, type ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { NewProfile } from './useProfiles.js';
import { useBridgeCall } from '../../bridge/useBridgeCall.js';
import { Avatar } from '../../components/Avatar.js';
import { Button } from '../../components/Button.js';
import { ColorSwatches } from './ColorSwatches.js';
import styles from './CreateProfileForm.module.css';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/TextField.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';

interface CreateProfileFormProps {
  initialColor: ProfileColor;
  onCreate: (input: NewProfile) => Promise<Result<ProfileSummary>>;
  /** Called with the password too, so the picker can open the new profile at once. */
  onCreated: (profile: ProfileSummary, password: string | undefined) => void;
  onError: (error: AppError) => void;
  /** Absent when there is nowhere to go back to (no profiles yet). */
  onCancel?: () => void;
  submitLabel?: string;
  /** A name to start from (a restore suggests the archived profile's). */
  initialName?: string;
}

interface FieldErrors {
  name?: string;
  password?: string;
  confirm?: string;
  form?: string;
}

function validate(name: string, protect: boolean, password: string, confirm: string): FieldErrors {
  const errors: FieldErrors = {};
  if (name.trim().length === 0) errors.name = 'Name is required';
  if (protect) {
    if (password.length < PASSWORD_MIN) errors.password = `Password is at least ${PASSWORD_MIN} characters`;
    else if (confirm !== password) errors.confirm = 'Passwords do not match';
  }
  return errors;
}

/** Puts a server error next to the field it is about. */
function placeError(error: AppError): FieldErrors {
  const field = error.field?.split('.')[0] ?? (error.code === 'ALREADY_EXISTS' ? 'name' : undefined);
  if (field === 'name') return { name: error.message };
  if (field === 'password') return { password: error.message };
  return { form: error.message };
}

export function CreateProfileForm({
  initialColor,
  onCreate,
  onCreated,
  onError,
  onCancel,
  submitLabel = 'Create profile',
  initialName = '',
}: CreateProfileFormProps) {
  const [name, setName] = useState(initialName);
  const [color, setColor] = useState<ProfileColor>(initialColor);
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, pending } = useBridgeCall(onCreate);
  const formRef = useRef<HTMLFormElement>(null);


  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const found = validate(name, protect, password, confirm);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }

    const secret = protect ? password : undefined;
    const result = await run(secret === undefined ? { name: name.trim(), color } : { name: name.trim(), color, password: secret });
    if (result.ok) {
      onCreated(result.value, secret);
      return;
    }
    onError(result.error);
    const placed = placeError(result.error);
    setErrors(placed);
    focusFirstInvalid(formRef.current);
  };

  const clear = (key: keyof FieldErrors) => {
    if (errors[key] || errors.form) setErrors((prev) => ({ ...prev, [key]: undefined, form: undefined }));
  };

  /** Ties a text field to its state: it shows its own error, and typing clears it. */
  const bind = (key: 'name' | 'password' | 'confirm', value: string, set: (value: string) => void) => ({
    value,
    disabled: pending,
    error: errors[key] ?? null,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      set(event.target.value);
      clear(key);
    },
  });

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate data-testid="create-profile-form" aria-label="Create a profile">
      <div className={styles.preview} aria-hidden="true">
        <Avatar name={name || '?'} color={color} size="lg" />
        <div className={styles.previewText}>
          <span className={`${styles.previewName} ${name.trim() ? '' : styles.previewPlaceholder}`}>
            {name.trim() || 'New profile'}
          </span>
          <span className={styles.previewMeta}>{protect ? 'Protected with a password' : 'Opens without a password'}</span>
        </div>
      </div>

      <TextField
        label="Name"
        placeholder="e.g. Alex"
        autoComplete="off"
        autoFocus
        maxLength={PROFILE_NAME_MAX}
        {...bind('name', name, setName)}
      />

      <ColorSwatches value={color} onChange={setColor} disabled={pending} />

      <label className={styles.toggle}>
        <input
          type="checkbox"
          role="switch"
          className={styles.switch}
          checked={protect}
          disabled={pending}
          onChange={(event) => {
            setProtect(event.target.checked);
            setErrors((prev) => ({ ...prev, password: undefined, confirm: undefined }));
          }}
        />
        <span className={styles.toggleText}>
          <span className={styles.toggleLabel}>Protect with a password</span>
          <span className={styles.toggleHint}>Anyone using this computer will need it to open the profile.</span>
        </span>
      </label>

      {protect && (
        <div className={styles.passwords}>
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters`}
            {...bind('password', password, setPassword)}
          />
          <TextField
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            {...bind('confirm', confirm, setConfirm)}
          />
        </div>
      )}

      {errors.form && <ErrorMessage>{errors.form}</ErrorMessage>}

      <div className={styles.actions}>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" pending={pending} data-testid="create-profile-submit">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
