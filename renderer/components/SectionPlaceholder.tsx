// An honest empty state for a section that is not built yet: no sample data.
import type { Section } from '../sections.js';
import { Icon } from './Icon.js';
import styles from './SectionPlaceholder.module.css';

export function SectionPlaceholder({ section, profileName }: { section: Section; profileName: string }) {
  return (
    <div className={styles.empty} data-testid={`section-${section.id}`}>
      <span className={styles.icon}>
        <Icon name={section.icon} size={26} />
      </span>
      <span className={styles.pill}>Coming soon</span>
      <h1 className={styles.title}>{section.headline}</h1>
      <p className={styles.text}>
        {section.promise} When it is ready, everything here will be stored only in {profileName}'s profile.
      </p>
    </div>
  );
}
