// Path capabilities: main mints an opaque token for a file a person chose in one
// window (dialog, menu, drop), and a channel that reads or writes a file accepts only
// such a token: from that window, for that purpose, unexpired and unused. A renderer
// that crafts a path, borrows another window's token or replays a used one gets
// PERMISSION_DENIED (a string that is not even a token: INVALID_INPUT) and nothing
// happens. Tokens live in main's memory only: a restart forgets them all.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppException } from '../../../shared/errors.js';
import { FILE_GRANT_TTL_MINUTES, type FileGrant, type FilePurpose } from '../../../shared/files/file-grants.js';
import type { Clock } from '../clock.js';

interface Grant {
  windowId: number;
  purpose: FilePurpose;
  /** Checked and resolved when minted; checked again when used. */
  path: string;
  expiresAt: number;
  /** A use is running: a second use of the same token waits for nothing, it is refused. */
  busy: boolean;
}

const denied = () =>
  new AppException(
    'PERMISSION_DENIED',
    'This file was not chosen in this window, or its permission was used or has expired. Choose the file again.',
    { field: 'file' },
  );

export class FileGrants {
  private readonly grants = new Map<string, Grant>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = FILE_GRANT_TTL_MINUTES * 60_000,
  ) {}

  /** A new token for `file` (already checked for `purpose`), usable by `windowId` only. */
  mint(windowId: number, purpose: FilePurpose, file: string, size?: number): FileGrant {
    this.sweep();
    const token = `ft_${randomBytes(32).toString('base64url')}`;
    this.grants.set(token, { windowId, purpose, path: file, expiresAt: this.clock.now().getTime() + this.ttlMs, busy: false });
    return { token, name: path.basename(file), ...(size !== undefined ? { size } : {}) };
  }

  /** The file behind a token, without using it up (an import's preview). */
  peek(windowId: number, purpose: FilePurpose, token: string): string {
    return this.valid(windowId, purpose, token).path;
  }

  /**
   * Runs `act` on the file behind a token, which is used up when `act` succeeds and
   * `consumed` says it did something; a failure that changed nothing (an import whose
   * rows did not fit, a query error) leaves it usable for a retry. A concurrent use of
   * the same token is refused while one runs.
   */
  async use<T>(windowId: number, purpose: FilePurpose, token: string, act: (file: string) => Promise<T>, consumed: (result: T) => boolean = () => true): Promise<T> {
    const grant = this.valid(windowId, purpose, token);
    grant.busy = true;
    let done = false;
    try {
      const result = await act(grant.path);
      done = consumed(result);
      return result;
    } finally {
      grant.busy = false;
      if (done) this.grants.delete(token);
    }
  }

  /** A window closed or locked: its tokens go with it. */
  revokeWindow(windowId: number): void {
    for (const [token, grant] of this.grants) if (grant.windowId === windowId) this.grants.delete(token);
  }

  revokeAll(): void {
    this.grants.clear();
  }

  private valid(windowId: number, purpose: FilePurpose, token: string): Grant {
    const grant = this.grants.get(token);
    if (!grant || grant.busy || grant.windowId !== windowId || grant.purpose !== purpose) throw denied();
    if (grant.expiresAt <= this.clock.now().getTime()) {
      this.grants.delete(token);
      throw denied();
    }
    return grant;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [token, grant] of this.grants) if (grant.expiresAt <= now && !grant.busy) this.grants.delete(token);
  }
}
