// The channels tasks, notes and events answer alike: create, update, get, list, and
// soft delete into the Trash and back. Each feature's handler table spreads these and
// adds its own channels (moveTask, taskCounts, the occurrence edits).
import type { HostHandlers, ProfileStores } from '../core/storage/profile-stores.js';
import type { ItemChannel, ItemNoun, MethodParams, MethodResult } from '../core/storage/worker-protocol.js';
import { repositories, type Repositories } from './repositories.js';

/**
 * What a feature's repository offers for those channels, each method typed by its channel:
 * a repository whose input or output drifts from the contract fails type-checking where
 * its handlers are made. Get, delete and restore take the id, as their channels do.
 */
export interface ItemRepository<N extends ItemNoun> {
  create(input: MethodParams<`create${N}`>): MethodResult<`create${N}`>;
  update(input: MethodParams<`update${N}`>): MethodResult<`update${N}`>;
  delete(id: MethodParams<`delete${N}`>['id']): MethodResult<`delete${N}`>;
  restore(id: MethodParams<`restore${N}`>['id']): MethodResult<`restore${N}`>;
  get(id: MethodParams<`get${N}`>['id']): MethodResult<`get${N}`>;
  list(input: MethodParams<`list${N}s`>): MethodResult<`list${N}s`>;
}

/** The handlers of one item kind's shared channels, over the repository `of` picks from the profile's. */
export function itemHandlers<N extends ItemNoun>(noun: N, of: (r: Repositories) => ItemRepository<N>): HostHandlers<ItemChannel<N>> {
  const repo = ({ sqlite }: ProfileStores) => of(repositories(sqlite));
  const handlers: Record<string, (stores: ProfileStores, input: never) => unknown> = {
    [`create${noun}`]: (stores, input: MethodParams<`create${N}`>) => repo(stores).create(input),
    [`update${noun}`]: (stores, input: MethodParams<`update${N}`>) => repo(stores).update(input),
    [`delete${noun}`]: (stores, { id }: MethodParams<`delete${N}`>) => repo(stores).delete(id),
    [`restore${noun}`]: (stores, { id }: MethodParams<`restore${N}`>) => repo(stores).restore(id),
    [`get${noun}`]: (stores, { id }: MethodParams<`get${N}`>) => repo(stores).get(id),
    [`list${noun}s`]: (stores, input: MethodParams<`list${N}s`>) => repo(stores).list(input),
  };
  // The keys are the template types' own spelling, and each handler's input and output are
  // those of its channel (above): TypeScript types a computed key as a plain string only.
  return handlers as HostHandlers<ItemChannel<N>>;
}
