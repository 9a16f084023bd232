// Tags as first-class things: the list with counts, and the pure rules for renaming,
// merging and suggesting them (both the host and the renderer's chip input use these).

/** The longest tag, in characters; the channels and every tag field take it from here. */
export const TAG_MAX = 64;

/** One tag of the profile and how many tasks and notes (outside the Trash) carry it. */
export interface TagCount {
  tag: string;
  tasks: number;
  notes: number;
}

/** What a rename or merge changed: the items whose tags were rewritten. */
export interface TagRenamed {
  tasks: string[];
  notes: string[];
}

/**
 * An item's tags after `from` becomes `to`: in place, and once only (renaming onto a tag
 * the item already has merges the two). Null when the item does not carry `from`.
 */
export function renameInTags(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.includes(from)) return null;
  const out: string[] = [];
  for (const t of tags) {
    const next = t === from ? to : t;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

/** A typed tag as stored: trimmed, a leading # dropped, inner whitespace collapsed. */
export const normalizeTag = (typed: string): string => typed.trim().replace(/^#+/, '').replace(/\s+/g, ' ').trim();

/**
 * Suggestions for what has been typed: tags that start with it first (case-insensitive),
 * then tags that contain it, most used first within each; tags already chosen are left out.
 */
export function suggestTags(known: readonly TagCount[], typed: string, chosen: readonly string[], max = 8): TagCount[] {
  const q = normalizeTag(typed).toLocaleLowerCase();
  const used = new Set(chosen.map((t) => t.toLocaleLowerCase()));
  const uses = (t: TagCount) => t.tasks + t.notes;
  const rank = (t: TagCount) => (t.tag.toLocaleLowerCase().startsWith(q) ? 0 : 1);
  return known
    .filter((t) => !used.has(t.tag.toLocaleLowerCase()) && t.tag.toLocaleLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b) || uses(b) - uses(a) || a.tag.localeCompare(b.tag))
    .slice(0, max);
}
