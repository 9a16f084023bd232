// Filter a list (tasks or notes) by one tag, with each tag's count for that kind; and the
// way into the tag manager (rename, merge).
import { useState } from 'react';
import type { Result } from '../../../shared/errors.js';
import type { TagCount, TagRenamed } from '../../../shared/tags/tags.js';
import { formatNumber } from '../../format/locale.js';
import { Icon } from '../../components/Icon.js';
import styles from './TagFilter.module.css';
import { TagManager } from './TagManager.js';

interface TagFilterProps {
  tags: TagCount[];
  kind: 'tasks' | 'notes';
  value: string | null;
  onChange: (tag: string | null) => void;
  onRename: (from: string, to: string) => Promise<Result<TagRenamed>>;
}

export function TagFilter({ tags, kind, value, onChange, onRename }: TagFilterProps) {
  const [managing, setManaging] = useState(false);
  const shown = tags.filter((t) => t[kind] > 0 || t.tag === value);
  return (
    <span className={styles.filter}>
      <label className={styles.label}>
        <Icon name="tag" size={14} />
        <span className="sr-only">Tag</span>
        <select
          className={styles.select}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          data-testid={`${kind}-tag-filter`}
        >
          <option value="">All tags</option>
          {shown.map((t) => (
            <option key={t.tag} value={t.tag}>
              #{t.tag} ({formatNumber(t[kind])})
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={styles.manage} onClick={() => setManaging(true)} data-testid="manage-tags">
        Manage tags
      </button>
      {managing && (
        <TagManager
          tags={tags}
          onRename={async (from, to) => {
            const result = await onRename(from, to);
            // The filtered tag was renamed: keep showing the same items under the new name.
            if (result.ok && value === from) onChange(to);
            return result;
          }}
          onClose={() => setManaging(false)}
        />
      )}
    </span>
  );
}
