// The host serves exactly the data channels main does not answer itself, under their
// contract names, plus its internal methods (which must not shadow a channel).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHANNEL_NAMES, contract, isChannelName } from '../../shared/contract.js';
import { MAIN_DATA_CHANNELS, servedByHost } from '../core/storage/worker-protocol.js';
import { hostHandlers } from './host-handlers.js';

const served = new Set(Object.keys(hostHandlers));

test('every data channel main does not answer has a host handler under its own name', () => {
  const hostChannels = CHANNEL_NAMES.filter(servedByHost);
  assert.ok(hostChannels.length > 30, 'most data channels are the host’s');
  assert.deepEqual(hostChannels.filter((name) => !served.has(name)), []);
  for (const name of hostChannels) assert.equal(contract[name].scope, 'data', name);
});

test('the host serves no app channel and none of main’s data channels; its other methods are no channel names', () => {
  const stray = [...served].filter((name) => isChannelName(name) && !servedByHost(name));
  assert.deepEqual(stray, []);
  for (const name of MAIN_DATA_CHANNELS) assert.equal(contract[name].scope, 'data', `${name} is a data channel`);
  const internal = [...served].filter((name) => !isChannelName(name)).sort();
  assert.deepEqual(internal, ['archiveCounts', 'duckdbQuery', 'eventReminders', 'overview', 'rowCounts', 'writeArchive']);
});
