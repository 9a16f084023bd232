// A profile's AI settings, kept in its own data.sqlite (app_state), so they go with the
// profile (backups, archives, deletion) and no other profile can read them. The key is
// not here: only the OS keychain holds it (core/profiles/ai-key.ts, main).
import type Database from 'better-sqlite3';
import { AI_SAMPLE_ROWS_MAX, AI_TIMEOUT_DEFAULT_S, AI_TIMEOUT_MAX_S, AI_TIMEOUT_MIN_S, type AiSettings } from '../../../shared/ai/ai.js';

const KEY = 'ai_settings';

const clamp = (n: unknown, min: number, max: number, fallback: number) =>
  typeof n === 'number' && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;

export function readAiSettings(db: Database.Database): AiSettings | null {
  const row = db.prepare('SELECT value FROM app_state WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  // Written only by writeAiSettings, but a restored archive may come from another version: read defensively.
  const raw = JSON.parse(row.value) as Partial<Record<keyof AiSettings, unknown>>;
  if (typeof raw.url !== 'string' || typeof raw.model !== 'string') return null;
  return {
    url: raw.url,
    model: raw.model,
    sampleRows: clamp(raw.sampleRows, 0, AI_SAMPLE_ROWS_MAX, 0),
    timeoutSeconds: clamp(raw.timeoutSeconds, AI_TIMEOUT_MIN_S, AI_TIMEOUT_MAX_S, AI_TIMEOUT_DEFAULT_S),
  };
}

export interface AiSettingsChange {
  url: string;
  model: string;
  sampleRows?: number | undefined;
  timeoutSeconds?: number | undefined;
}

/** Stores the settings; fields left out keep their stored values (or the defaults). */
export function writeAiSettings(db: Database.Database, change: AiSettingsChange): { previous: AiSettings | null; settings: AiSettings } {
  const previous = readAiSettings(db);
  const settings: AiSettings = {
    url: change.url,
    model: change.model,
    sampleRows: change.sampleRows ?? previous?.sampleRows ?? 0,
    timeoutSeconds: change.timeoutSeconds ?? previous?.timeoutSeconds ?? AI_TIMEOUT_DEFAULT_S,
  };
  db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(settings));
  return { previous, settings };
}

export function clearAiSettings(db: Database.Database): void {
  db.prepare('DELETE FROM app_state WHERE key = ?').run(KEY);
}
