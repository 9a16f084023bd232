// Tasks, notes and events share main's one step on a write: the host answers with the
// item it wrote, and every window of the profile (and only those) hears which item changed.
import type { ChannelOutput } from '../../../../shared/contract.js';
import type { HostChannel } from '../../storage/worker-protocol.js';
import type { DataContext, Handler } from '../handler-types.js';

type ItemsChangedEvent = 'tasksChanged' | 'notesChanged' | 'eventsChanged';
/** The host channels whose answer is the one item they wrote. */
type ItemWrite = { [C in HostChannel]: ChannelOutput<C> extends { id: string; version: number } ? C : never }[HostChannel];

/** Main's handlers for `channels`: each passes the call on to the host, then sends `event` with the item's id. */
export function itemWrites<C extends ItemWrite>(event: ItemsChangedEvent, channels: readonly C[]): { [K in C]: Handler<K> } {
  const pushing = async (channel: C, ctx: DataContext, input: unknown) => {
    const item = (await ctx.profile.worker.call(channel, input as never)) as { id: string };
    ctx.sessions.notify(ctx.profile.id, event, { ids: [item.id] });
    return item;
  };
  return Object.fromEntries(channels.map((c) => [c, (ctx: DataContext, input: unknown) => pushing(c, ctx, input)])) as unknown as { [K in C]: Handler<K> };
}
