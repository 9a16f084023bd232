import styles from './LoadingScreen.module.css';
import { Spinner } from './Spinner.js';

export function LoadingScreen() {
  return (
    <div className={styles.screen}>
      <Spinner size={22} label="Loading Enclave" />
    </div>
  );
}
