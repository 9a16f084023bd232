import { migration as m0001 } from './0001-meta-schema.js';

export const profileDuckdbMigrations = [m0001];
