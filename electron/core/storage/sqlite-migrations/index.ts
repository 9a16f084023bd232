import { migration as m0001 } from './0001-tasks-notes-events.js';

export const profileSqliteMigrations = [m0001];
