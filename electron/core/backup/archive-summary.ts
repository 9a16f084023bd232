// Reads what an archive says it holds from its manifest alone (the first tar entry), so
// the restore form can show it before asking for a name and password. Reading the whole
// archive is the restore's job (archive.ts readArchive checks every byte).
import type { ArchiveSummary } from '../../../shared/backups/backups.js';
import { invalid, MANIFEST_MAX_BYTES, MANIFEST_NAME, openArchiveFile, parseManifest } from './archive.js';
import { readEntry, TarFormatError } from './tar.js';

const ITEM_TABLES = ['tasks', 'notes', 'events'] as const;

export async function readArchiveSummary(file: string): Promise<ArchiveSummary> {
  const handle = await openArchiveFile(file);
  try {
    const { size } = await handle.stat();
    const first = await readEntry(handle, 0, size).catch((e: unknown) => {
      if (e instanceof TarFormatError) return null;
      throw e;
    });
    if (!first || first.name !== MANIFEST_NAME) throw invalid('it is not an Enclave archive');
    if (first.size > MANIFEST_MAX_BYTES) throw invalid('its manifest is too large');
    const raw = Buffer.alloc(first.size);
    await handle.read(raw, 0, first.size, first.offset);
    const manifest = parseManifest(raw);
    const counts = manifest.counts;
    const items = Object.fromEntries(ITEM_TABLES.map((t) => [t, counts.sqlite[t] ?? 0])) as Record<(typeof ITEM_TABLES)[number], number>;
    return {
      profileName: manifest.profileName,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      bytes: size,
      counts: { ...items, tables: Object.keys(counts.duckdb).length },
    };
  } finally {
    await handle.close();
  }
}
