import { migration as m0001 } from './0001-profiles-and-audit.js';
import { migration as m0002 } from './0002-profile-tombstones.js';

export const registryMigrations = [m0001, m0002];
