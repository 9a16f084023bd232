import styles from './AddProfileTile.module.css';
import { Icon } from '../../components/Icon.js';

export function AddProfileTile({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className={styles.tile} onClick={onClick} data-testid="add-profile-button">
      <span className={styles.circle}>
        <Icon name="plus" size={28} />
      </span>
      Add profile
    </button>
  );
}
