// A profile's AI settings, served in its host from its own data.sqlite. They need no
// DuckDB, so sqlite-handlers.ts serves them too (the settings page never loads it).
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';
import { clearAiSettings, readAiSettings, writeAiSettings } from '../../core/ai/ai-settings-store.js';

export const aiSettingsHandlers = {
  aiSettings: ({ sqlite }) => readAiSettings(sqlite.db),
  setAiSettings: ({ sqlite }, change) => writeAiSettings(sqlite.db, change),
  clearAiSettings: ({ sqlite }) => {
    clearAiSettings(sqlite.db);
    return null;
  },
} satisfies Partial<HostHandlerTable>;
