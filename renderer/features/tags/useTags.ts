// The profile's tags with counts (for the chip input's suggestions, the tag filter and
// the tag manager), read again whenever a task or note changes; and renaming one.
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../shared/errors.js';
import type { TagCount, TagRenamed } from '../../../shared/tags/tags.js';
import { callBridge } from '../../bridge/bridge.js';
import { useItemsChanged } from '../../bridge/useItemsChanged.js';

export interface Tags {
  tags: TagCount[];
  rename: (from: string, to: string) => Promise<Result<TagRenamed>>;
}

export function useTags(): Tags {
  const [tags, setTags] = useState<TagCount[]>([]);
  const [tick, setTick] = useState(0);
  const again = useCallback(() => setTick((n) => n + 1), []);
  useItemsChanged('task', again);
  useItemsChanged('note', again);

  useEffect(() => {
    let cancelled = false;
    void callBridge((api) => api.listTags()).then((result) => {
      // Suggestions are a help, not the data: a failed read keeps the last list.
      if (!cancelled && result.ok) setTags(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [tick]);

  const rename = useCallback(
    async (from: string, to: string) => {
      const result = await callBridge((api) => api.renameTag({ from, to }));
      if (result.ok) again();
      return result;
    },
    [again],
  );

  return { tags, rename };
}
