import fs from 'node:fs';

let cached: string | undefined;

/** The app's version from package.json (beside build/ in the repo and in the packaged app). */
export function appVersion(): string {
  cached ??= (JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
