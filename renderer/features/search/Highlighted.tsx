// Search highlights arrive as control-character markers; each marked run becomes a
// <mark> element and everything else a text node — never HTML.
import { highlightRuns } from '../../../shared/search/search.js';

export function Highlighted({ text, className }: { text: string; className?: string }) {
  return (
    <span className={className}>
      {highlightRuns(text).map((run, i) => (run.highlighted ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </span>
  );
}
