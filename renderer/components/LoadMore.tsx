// The end of a paged list: loads the next page when it scrolls into view, and is a
// button too, for keyboards and for when the observer is not enough.
import { useEffect, useRef } from 'react';
import { useLatest } from '../hooks/useLatest.js';
import { Button } from './Button.js';
import styles from './LoadMore.module.css';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label?: string;
}

export function LoadMore({ hasMore, loading, onLoadMore, label = 'Load more' }: LoadMoreProps) {
  const ref = useRef<HTMLDivElement>(null);
  const callback = useLatest(onLoadMore);

  useEffect(() => {
    const node = ref.current;
    if (!node || !hasMore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) callback.current();
      },
      { rootMargin: '200px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loading, callback]);

  if (!hasMore) return null;
  return (
    <div ref={ref} className={styles.more} data-testid="load-more">
      <Button variant="ghost" size="small" pending={loading} onClick={onLoadMore}>
        {loading ? 'Loading…' : label}
      </Button>
    </div>
  );
}
