// app:// — the only origin our windows load. The scheme is privileged before `ready`;
// the handler serves build/renderer through the plain-Node responder.
import { APP_SCHEME } from '../core/shell/app-origin.js';
import { respondToAppRequest } from '../core/shell/app-protocol.js';
import type { ShellProtocol } from './electron-deps.js';

/** Must run before `ready`. No `corsEnabled`: that would let other origins read us. */
export function registerAppScheme(protocol: ShellProtocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function handleAppProtocol(protocol: ShellProtocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { status, headers, body } = await respondToAppRequest(rendererDir, { method: request.method, url: request.url });
    return new Response(body, { status, headers });
  });
}
