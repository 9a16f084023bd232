// Tags as chips: type and press Enter or comma to add one, Backspace to take the last back,
// × to remove any; suggestions come from the profile's tags (most used first) and are
// picked with the arrow keys and Enter, or a click. The text not yet made a chip is the
// parent's too (`draft`), so saving a form keeps what was typed.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { normalizeTag, suggestTags, TAG_MAX, type TagCount } from '../../../shared/tags/tags.js';
import { Icon } from '../../components/Icon.js';
import { formatNumber } from '../../format/locale.js';
import styles from './TagInput.module.css';

const TAGS_MAX = 32;

interface TagInputProps {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  draft: string;
  onDraftChange: (draft: string) => void;
  known: TagCount[];
  testId?: string;
  invalid?: boolean;
}

/** The chips plus whatever is still typed (comma-separated), as they would be saved. */
export function withDraft(tags: string[], draft: string): string[] {
  const out = [...tags];
  for (const part of draft.split(',')) {
    const t = normalizeTag(part);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

export function TagInput({ label, value, onChange, draft, onDraftChange, known, testId, invalid }: TagInputProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => (focused ? suggestTags(known, draft, value) : []), [focused, known, draft, value]);
  const open = suggestions.length > 0;

  const add = (tag: string) => {
    const t = normalizeTag(tag).slice(0, TAG_MAX);
    if (t && !value.includes(t) && value.length < TAGS_MAX) onChange([...value, t]);
    onDraftChange('');
    setActive(-1);
  };

  const type = (text: string) => {
    // A comma (typed or pasted) ends a tag; what follows it stays in the field.
    if (text.includes(',')) {
      const parts = text.split(',');
      const rest = parts.pop() ?? '';
      onChange(withDraft(value, parts.join(',')).slice(0, TAGS_MAX));
      onDraftChange(rest.trimStart());
    } else {
      onDraftChange(text);
    }
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((a) => (a + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
    } else if (event.key === 'Enter' && (active >= 0 || draft.trim())) {
      // Enter makes a chip; only with nothing typed does it reach the form (save).
      event.preventDefault();
      add(active >= 0 ? suggestions[active]!.tag : draft);
    } else if (event.key === 'Tab' && active >= 0) {
      event.preventDefault();
      add(suggestions[active]!.tag);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      event.preventDefault();
      onChange(value.slice(0, -1));
    } else if (event.key === 'Escape' && open) {
      // Closes the suggestions, not the editor around the field.
      event.preventDefault();
      event.stopPropagation();
      setFocused(false);
    }
  };

  return (
    <div className={`${styles.box} ${invalid ? styles.invalid : ''}`} data-testid={testId ? `${testId}-box` : undefined}>
      <ul className={styles.chips} aria-label={`${label}: chosen`}>
        {value.map((tag) => (
          <li key={tag} className={styles.chip} data-testid="tag-chip">
            <span>#{tag}</span>
            <button type="button" className={styles.remove} onClick={() => onChange(value.filter((t) => t !== tag))} aria-label={`Remove tag ${tag}`}>
              <Icon name="close" size={10} />
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        className={styles.input}
        value={draft}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setActive(-1);
          // Leaving the field keeps what was typed as a tag (notes save on their own).
          if (draft.trim()) add(draft);
        }}
        placeholder={value.length === 0 ? 'Add a tag' : ''}
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        maxLength={TAG_MAX * 4}
        data-testid={testId}
      />
      {open && (
        <ul id={listId} role="listbox" className={styles.suggestions} aria-label="Tags in this profile" data-testid="tag-suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s.tag}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={styles.suggestion}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(e) => {
                e.preventDefault();
                add(s.tag);
              }}
              data-testid="tag-suggestion"
            >
              <span>#{s.tag}</span>
              <span className={styles.count}>{formatNumber(s.tasks + s.notes)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
