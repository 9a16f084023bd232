// Notes as the renderer and the CLI see them.

export const NOTE_TITLE_MAX = 500;
/** Bytes of UTF-8, not characters. */
export const NOTE_BODY_MAX_BYTES = 1024 * 1024;
export const NOTE_EXCERPT_CHARS = 200;

/** updated / created: newest first; title: A–Z. Pinned notes always come first. */
export const NOTE_SORTS = ['updated', 'created', 'title'] as const;
export type NoteSort = (typeof NOTE_SORTS)[number];

export interface Note {
  id: string;
  title: string;
  /** Markdown. Render it as Markdown text, never as raw HTML. */
  body: string;
  tags: string[];
  pinned: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

/** What a list shows: the start of the body instead of all of it. */
export interface NoteSummary extends Omit<Note, 'body'> {
  excerpt: string;
}
