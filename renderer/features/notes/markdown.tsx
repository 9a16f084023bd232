// A small Markdown renderer that builds React elements and nothing else: text is
// always a text node, so a note can never inject markup. Links render as text with
// their address beside them — the sandbox opens nothing.
import { Fragment, type ReactNode } from 'react';
import styles from './markdown.module.css';

type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; text: string; lang: string }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: { text: string; checked: boolean | null }[] }
  | { kind: 'rule' };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^(```|~~~)\s*([\w+-]*)\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const ORDERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s*>\s?(.*)$/;
const TASK = /^\[([ xX])\]\s+(.*)$/;

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith(fence[1]!)) body.push(lines[i++]!);
      i++; // closing fence (or end of note)
      blocks.push({ kind: 'code', text: body.join('\n'), lang: fence[2] ?? '' });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1, text: heading[2]! });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) quoted.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ kind: 'quote', lines: quoted });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = !bullet;
      const pattern = isOrdered ? ORDERED : BULLET;
      const items: { text: string; checked: boolean | null }[] = [];
      while (i < lines.length && pattern.test(lines[i]!)) {
        const m = pattern.exec(lines[i++]!)!;
        const text = isOrdered ? m[2]! : m[1]!;
        const task = TASK.exec(text);
        items.push(task ? { text: task[2]!, checked: task[1] !== ' ' } : { text, checked: null });
      }
      blocks.push({ kind: 'list', ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() &&
      !FENCE.test(lines[i]!) &&
      !HEADING.test(lines[i]!) &&
      !QUOTE.test(lines[i]!) &&
      !BULLET.test(lines[i]!) &&
      !ORDERED.test(lines[i]!) &&
      !RULE.test(lines[i]!)
    ) {
      paragraph.push(lines[i++]!.trim());
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
  }
  return blocks;
}

// Order matters: code first (nothing inside it is formatting), then links, then emphasis.
const INLINE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\[([^\]\n]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\5|(~~)(?=\S)([\s\S]+?)(?<=\S)~~|(\*|_)(?=\S)([\s\S]+?)(?<=\S)\9/;

export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push(...withBreaks(rest, `${keyPrefix}-${n}`));
      break;
    }
    if (m.index > 0) out.push(...withBreaks(rest.slice(0, m.index), `${keyPrefix}-${n}`));
    const key = `${keyPrefix}-${n}-m`;
    if (m[1]) out.push(<code key={key} className={styles.inlineCode}>{m[2]!.trim() || m[2]}</code>);
    else if (m[3] !== undefined) {
      out.push(
        <span key={key} className={styles.link} title={m[4]}>
          {renderInline(m[3], key)}
          <span className={styles.href}> ({m[4]})</span>
        </span>,
      );
    } else if (m[5]) out.push(<strong key={key}>{renderInline(m[6]!, key)}</strong>);
    else if (m[7]) out.push(<del key={key}>{renderInline(m[8]!, key)}</del>);
    else out.push(<em key={key}>{renderInline(m[10]!, key)}</em>);
    rest = rest.slice(m.index + m[0].length);
    n++;
  }
  return out;
}

function withBreaks(text: string, key: string): ReactNode[] {
  return text.split('\n').flatMap((part, i) => (i === 0 ? [part] : [<br key={`${key}-br${i}`} />, part]));
}

export function Markdown({ source }: { source: string }) {
  const blocks = parseBlocks(source);
  return (
    <div className={styles.markdown} data-testid="markdown-preview">
      {blocks.map((block, i) => {
        const key = `b${i}`;
        switch (block.kind) {
          case 'heading': {
            const Tag = `h${block.level}` as const;
            return (
              <Tag key={key} className={styles[`h${block.level}`]}>
                {renderInline(block.text, key)}
              </Tag>
            );
          }
          case 'paragraph':
            return <p key={key}>{renderInline(block.text, key)}</p>;
          case 'code':
            return (
              <pre key={key} className={styles.code} data-lang={block.lang || undefined}>
                <code>{block.text}</code>
              </pre>
            );
          case 'quote':
            return (
              <blockquote key={key} className={styles.quote}>
                {renderInline(block.lines.join('\n'), key)}
              </blockquote>
            );
          case 'rule':
            return <hr key={key} className={styles.rule} />;
          case 'list': {
            const items = block.items.map((item, j) => (
              <li key={j} className={item.checked !== null ? styles.taskItem : undefined}>
                {item.checked !== null && <input type="checkbox" checked={item.checked} disabled readOnly aria-label={item.checked ? 'Done' : 'Not done'} />}
                <span>{renderInline(item.text, `${key}-${j}`)}</span>
              </li>
            ));
            return block.ordered ? (
              <ol key={key} start={block.start} className={styles.list}>
                {items}
              </ol>
            ) : (
              <ul key={key} className={styles.list}>
                {items}
              </ul>
            );
          }
        }
        return <Fragment key={key} />;
      })}
    </div>
  );
}

/** A list excerpt without the Markdown marks: "# Plan **now**" → "Plan now". */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, '$1')
    .replace(/(^|\s)(#{1,6}|>|[-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/g, '$1')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$|[.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
