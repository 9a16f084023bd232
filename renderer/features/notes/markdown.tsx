// A small Markdown renderer that builds React elements and nothing else: text is
// always a text node, so a note can never inject markup. Links render as text with
// their address beside them — the sandbox opens nothing. What the text means is parsed
// in markdown-parse.ts; this file only draws it.
import { Fragment, type ReactNode } from 'react';
import { parseBlocks, parseInline, type Inline } from './markdown-parse.js';
import styles from './markdown.module.css';

function renderInline(text: string, keyPrefix: string): ReactNode[] {
  return drawInline(parseInline(text), keyPrefix);
}

function drawInline(runs: Inline[], keyPrefix: string): ReactNode[] {
  return runs.flatMap((run, n): ReactNode[] => {
    const key = `${keyPrefix}-${n}`;
    switch (run.kind) {
      case 'text':
        return withBreaks(run.text, key);
      case 'code':
        return [<code key={key} className={styles.inlineCode}>{run.text}</code>];
      case 'link':
        return [
          <span key={key} className={styles.link} title={run.href}>
            {drawInline(run.children, key)}
            <span className={styles.href}> ({run.href})</span>
          </span>,
        ];
      case 'strong':
        return [<strong key={key}>{drawInline(run.children, key)}</strong>];
      case 'del':
        return [<del key={key}>{drawInline(run.children, key)}</del>];
      case 'em':
        return [<em key={key}>{drawInline(run.children, key)}</em>];
    }
  });
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
