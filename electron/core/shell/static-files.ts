// Maps a request path to a file of the built renderer, refusing anything that could
// leave its directory: `..` (also percent-encoded), backslashes, NUL, dotfiles and
// symlinks pointing outside.
import fs from 'node:fs';
import path from 'node:path';

export interface StaticFile {
  path: string;
  mimeType: string;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that a URL pathname (as in `new URL(url).pathname`, still
 * percent-encoded) names, or null when there is none or the path is refused.
 * `/` serves index.html.
 */
export function resolveStaticFile(rootDir: string, pathname: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0) segments.push('index.html');
  // Dotfiles and dot-segments are never part of the build; `..` that survives URL
  // normalisation (e.g. from a caller that did not normalise) is refused here too.
  if (segments.some((s) => s.startsWith('.'))) return null;

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    const real = fs.realpathSync(candidate);
    if (!isInside(fs.realpathSync(root), real) || !fs.statSync(real).isFile()) return null;
    return { path: real, mimeType: mimeTypeOf(real) };
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
