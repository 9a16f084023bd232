import fs from 'node:fs/promises';
import { AppException } from '../../../shared/errors.js';
import { command } from '../command.js';
import { call } from '../session.js';
import { allPages, given, printList, stringFlag } from './listing.js';

const add = command({
  usage: 'enclave note add --profile NAME TITLE [--body-file FILE]',
  summary: 'Add a note; prints its id',
  details: 'The body (Markdown, at most 1 MiB) is read from --body-file; "-" reads standard input.',
  async run({ args, flags, io, unlockProfile }) {
    const file = stringFlag(flags, 'body-file');
    let body: string | undefined;
    if (file === '-') body = await io.readStdin();
    else if (file !== undefined) {
      try {
        body = await fs.readFile(file, 'utf8');
      } catch (e) {
        const why = (e as NodeJS.ErrnoException).code ?? 'unreadable';
        throw new AppException('INVALID_INPUT', `cannot read --body-file (${why})`, { field: 'body-file' });
      }
    }
    const note = await call(await unlockProfile(), 'createNote', { title: args.TITLE!, ...given({ body }) });
    io.stdout(`${note.id}\n`);
  },
});

const list = command({
  usage: 'enclave note list --profile NAME [--json]',
  summary: 'List notes, pinned first, most recently updated next',
  async run({ io, json, unlockProfile }) {
    const enclave = await unlockProfile();
    const notes = await allPages((page) => call(enclave, 'listNotes', page));
    printList(io, json, notes, 'No notes.', ['ID', 'UPDATED', 'PINNED', 'TITLE'], (n) => [n.id, n.updatedAt, n.pinned ? 'yes' : '', n.title || '(untitled)']);
  },
});

export const noteCommands = [add, list];
