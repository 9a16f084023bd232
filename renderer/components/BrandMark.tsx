import styles from './BrandMark.module.css';
import { Icon } from './Icon.js';

export function BrandMark() {
  return (
    <span className={styles.brand}>
      <span className={styles.logo}>
        <Icon name="shield" size={16} />
      </span>
      Enclave
    </span>
  );
}
