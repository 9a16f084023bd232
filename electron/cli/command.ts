import type { EventName } from '../../shared/contract.js';
import type { Enclave } from '../core/enclave.js';
import type { CliIo } from './io.js';
import { parseUsage, type UsageGrammar } from './usage-grammar.js';

export interface CommandContext {
  io: CliIo;
  /** Positionals by the names in the spec. */
  args: Record<string, string>;
  flags: Map<string, string | true>;
  json: boolean;
  /** The user-data directory this run works on. */
  dataDir: string;
  /** Opened on first use, closed by the dispatcher. */
  enclave(): Promise<Enclave>;
  /** The password from stdin with --password-stdin, else undefined. */
  password(): Promise<string | undefined>;
  /** Unlocks --profile for this run. */
  unlockProfile(): Promise<Enclave>;
  /** Listens to the core's push events (import progress…) for this run; answers the unsubscribe. */
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** What a command module writes: the usage line `--help` prints is also the command's grammar. */
export interface CommandDefinition {
  /** e.g. `enclave task add --profile NAME TITLE [--due DATE]`; alternative forms on lines of their own. */
  usage: string;
  summary: string;
  /** Shown under the usage line. */
  details?: string;
  /** The command runs analytics SQL: its host starts loading DuckDB before the profile is even unlocked. */
  needsAnalytics?: boolean;
  run(ctx: CommandContext): Promise<void>;
}

export interface Command extends CommandDefinition, UsageGrammar {}

/** A command whose path, positionals and options are read from its usage line (usage-grammar.ts). */
export const command = (definition: CommandDefinition): Command => ({ ...definition, ...parseUsage(definition.usage) });
