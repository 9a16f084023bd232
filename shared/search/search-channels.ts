// Full-text search over everything a profile holds.
import { z } from 'zod';
import { ITEM_ERRORS } from '../item-channels.js';
import { channel, returns } from '../channel.js';
import { itemKind } from '../fields.js';
import { ITEM_KINDS, SEARCH_LIMIT_MAX, SEARCH_QUERY_MAX, type SearchHit } from './search.js';

export const searchChannels = {
  /**
   * Best matches first, comparable across kinds: every word in the title first, then the last word
   * matched whole before as a prefix, then bm25 relative to the best of the same kind; the top N holds
   * the best of every kind that matched. All words must occur; the last also matches as a prefix;
   * "quoted words" match as a phrase. Case, accents and ß fold; Chinese/Japanese/Korean/Thai match
   * inside longer runs; e-mail finds email and back; C++, C#, .NET stay names. Nothing typed is FTS syntax.
   * A word in very many items ranks the newest 500 matches of each kind plus the newest 500 title matches.
   * Highlights in title/snippet are HIGHLIGHT_START … HIGHLIGHT_END (see shared/search/search.ts):
   * render them as elements, never as HTML. Limit defaults to 50.
   */
  search: channel({
    scope: 'data',
    input: z.strictObject({
      query: z.string('Query must be text').max(SEARCH_QUERY_MAX, `Query is at most ${SEARCH_QUERY_MAX} characters`),
      kinds: z.array(itemKind).min(1).max(ITEM_KINDS.length).optional(),
      limit: z.int().min(1).max(SEARCH_LIMIT_MAX).optional(),
    }),
    output: returns<SearchHit[]>(),
    errors: ITEM_ERRORS,
  }),
} as const;
