import type { SqliteMigration } from '../../sqlite/migrate.js';

// A saved source's own CA certificate (PEM text, not a path: the file the person chose
// may move or go; the certificate is public, so it needs no keychain).
export const migration: SqliteMigration = {
  version: 9,
  name: 'source-ca',
  up: `ALTER TABLE sources ADD COLUMN ca_pem TEXT;`,
};
