import { migration as m0001 } from './0001-profiles-and-audit.js';

export const registryMigrations = [m0001];
