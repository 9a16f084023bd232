// Shown when the OS keychain is unreachable: no profile can be created or opened.
import type { AppError } from '../../../shared/errors.js';
import { Banner } from '../../components/Banner.js';

export function KeychainBanner({ error, onDismiss }: { error: AppError; onDismiss: () => void }) {
  return (
    <Banner tone="danger" icon="alert" title="Enclave can't reach your system keychain" onDismiss={onDismiss} testId="keychain-banner">
      {error.message} Each profile's key is kept there, so profiles can't be created or opened until it is
      available. Unlock your keychain or sign in to your desktop session, then try again.
    </Banner>
  );
}
