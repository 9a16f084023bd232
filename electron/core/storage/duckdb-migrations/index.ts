import { migration as m0001 } from './0001-meta-schema.js';
import { migration as m0002 } from './0002-query-history.js';

export const profileDuckdbMigrations = [m0001, m0002];
