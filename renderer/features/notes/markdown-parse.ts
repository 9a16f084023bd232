// Markdown to a small tree of blocks and inline runs, as plain data: what a note's text
// means, apart from how it is drawn (markdown.tsx), so it is tested in Node.
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; text: string; lang: string }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: { text: string; checked: boolean | null }[] }
  | { kind: 'rule' };

/** Inline runs; text may hold line breaks ("\n"), drawn as <br>. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'strong' | 'del' | 'em'; children: Inline[] };

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

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ kind: 'text', text: rest.slice(0, m.index) });
    if (m[1]) out.push({ kind: 'code', text: m[2]!.trim() || m[2]! });
    else if (m[3] !== undefined) out.push({ kind: 'link', href: m[4]!, children: parseInline(m[3]) });
    else if (m[5]) out.push({ kind: 'strong', children: parseInline(m[6]!) });
    else if (m[7]) out.push({ kind: 'del', children: parseInline(m[8]!) });
    else out.push({ kind: 'em', children: parseInline(m[10]!) });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
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
