// What the app:// protocol answers, as plain data: the Electron handler only wraps it
// in a Response. Every answer, errors included, carries the security headers.
import fs from 'node:fs/promises';
import { isAppUrl } from './app-origin.js';
import { SECURITY_HEADERS } from './csp.js';
import { resolveStaticFile } from './static-files.js';

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string | null;
}

export interface AppRequest {
  method: string;
  url: string;
}

const text = (status: number, body: string, extra: Record<string, string> = {}): AppResponse => ({
  status,
  headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra },
  body,
});

export async function respondToAppRequest(rendererDir: string, request: AppRequest): Promise<AppResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed', { allow: 'GET, HEAD' });
  if (!isAppUrl(request.url)) return text(404, 'Not found');
  const file = resolveStaticFile(rendererDir, new URL(request.url).pathname);
  if (!file) return text(404, 'Not found');
  let body: Uint8Array;
  try {
    body = await fs.readFile(file.path);
  } catch {
    return text(404, 'Not found');
  }
  return {
    status: 200,
    // The build changes with every release; never let Chromium's cache serve an old one.
    headers: { ...SECURITY_HEADERS, 'content-type': file.mimeType, 'cache-control': 'no-cache' },
    body: request.method === 'HEAD' ? null : body,
  };
}
