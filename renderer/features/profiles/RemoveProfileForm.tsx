// Removing a profile from its tile: like Settings › Danger zone, it asks for the profile's
// password, or its name typed out when it has none.
import { useState, type FormEvent } from 'react';
import type { Result } from '../../../shared/errors.js';
import { PASSWORD_MAX, PROFILE_NAME_MAX, type ProfileSummary } from '../../../shared/profiles/profiles.js';
import { useBridgeCall } from '../../bridge/useBridgeCall.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import styles from './RemoveProfileForm.module.css';
import { TextField } from '../../components/TextField.js';

interface RemoveProfileFormProps {
  profile: ProfileSummary;
  onRemove: (confirmation: { password?: string; confirmName?: string }) => Promise<Result<null>>;
  onCancel: () => void;
}

export function RemoveProfileForm({ profile, onRemove, onCancel }: RemoveProfileFormProps) {
  const [value, setValue] = useState('');
  const call = useBridgeCall(onRemove);
  const ready = profile.hasPassword ? value.length > 0 : value === profile.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready) await call.run(profile.hasPassword ? { password: value } : { confirmName: value });
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid="remove-profile-form">
      <p className={styles.text}>Remove {profile.name} and all its data from this computer? This cannot be undone.</p>
      <TextField
        label={profile.hasPassword ? `Password for ${profile.name}` : `Type ${profile.name} to confirm`}
        type={profile.hasPassword ? 'password' : 'text'}
        autoComplete={profile.hasPassword ? 'current-password' : 'off'}
        maxLength={profile.hasPassword ? PASSWORD_MAX : PROFILE_NAME_MAX * 4}
        value={value}
        autoFocus
        onChange={(e) => {
          setValue(e.target.value);
          if (call.error) call.reset();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
        testId="remove-profile-confirm"
      />
      {call.error && <ErrorMessage>{call.error.message}</ErrorMessage>}
      <div className={styles.actions}>
        <Button size="small" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="small" className={styles.remove} pending={call.pending} disabled={!ready} data-testid="remove-profile-submit">
          Remove
        </Button>
      </div>
    </form>
  );
}
