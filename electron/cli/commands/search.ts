import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/search/search.js';
import { command } from '../command.js';
import { call } from '../session.js';
import { printList } from './listing.js';

// A terminal shows highlights as «…»; --json keeps the markers (see shared/search/search.ts).
const plain = (s: string) => s.split(HIGHLIGHT_START).join('«').split(HIGHLIGHT_END).join('»').replace(/\s+/g, ' ');

const search = command({
  usage: 'enclave search --profile NAME QUERY [--json]',
  summary: 'Search tasks, notes and events; best matches first',
  async run({ args, io, json, unlockProfile }) {
    const hits = await call(await unlockProfile(), 'search', { query: args.QUERY! });
    printList(io, json, hits, 'No matches.', ['KIND', 'ID', 'TITLE', 'MATCH'], (h) => [h.kind, h.id, plain(h.title), plain(h.snippet)]);
  },
});

export const searchCommands = [search];
