// A CLI run is one "window" of the core: it unlocks the named profile through the
// same router the desktop app uses, so validation and isolation are identical.
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract.js';
import { AppException } from '../../shared/errors.js';
import type { Enclave } from '../core/enclave.js';

export const CLI_WINDOW = 1;

/** Calls a channel as the CLI's window; a failure becomes an AppException. */
export async function call<K extends ChannelName>(
  enclave: Enclave,
  channel: K,
  ...input: ChannelInput<K> extends undefined ? [] : [ChannelInput<K>]
): Promise<ChannelOutput<K>> {
  const result = await enclave.handle(CLI_WINDOW, channel, input[0]);
  if (!result.ok) throw new AppException(result.error.code, result.error.message, result.error);
  return result.value as ChannelOutput<K>;
}

/**
 * A token for a path given on the command line (the CLI is trusted with paths; the
 * router is not, so the core's grantFile is its way in), relative to the working folder.
 */
export function grantPath(enclave: Enclave, purpose: 'read' | 'write', file: string): string {
  return enclave.grantFile(CLI_WINDOW, purpose, path.resolve(file)).token;
}

/** Unlocks `--profile NAME` for this run (password from stdin when asked). */
export async function unlock(enclave: Enclave, name: string | undefined, password: string | undefined): Promise<void> {
  if (!name) throw new AppException('INVALID_INPUT', 'this command needs --profile NAME', { field: 'profile' });
  const row = enclave.profiles.findByName(name);
  await call(enclave, 'unlockProfile', { profileId: row.id, ...(password !== undefined ? { password } : {}) });
}
