import { useEffect } from 'react';
import type { EventPayload } from '../../shared/contract.js';
import { useLatest } from '../hooks/useLatest.js';
import { subscribeBridge } from './bridge.js';

export type MenuCommand = EventPayload<'menuCommand'>['command'];

/** Calls `listener` when the application menu asks this window for Import… or Export…. */
export function useMenuCommand(listener: (command: MenuCommand) => void): void {
  const latest = useLatest(listener);
  useEffect(() => subscribeBridge((api) => api.onMenuCommand(({ command }) => latest.current(command))), [latest]);
}
