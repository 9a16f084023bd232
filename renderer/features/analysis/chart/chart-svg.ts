// A stand-in for a canvas 2D context that records what the chart painter draws as SVG
// elements, for "Save as SVG": the same painter, so the file matches the screen.
import type { Paintable } from './chart-draw.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number) => String(Math.round(v * 100) / 100);

interface State {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
  transform: string;
  clip: string | null;
}

const ANCHOR: Record<CanvasTextAlign, string> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };
const BASELINE: Record<CanvasTextBaseline, string> = {
  top: 'text-before-edge',
  hanging: 'hanging',
  middle: 'central',
  alphabetic: 'alphabetic',
  ideographic: 'ideographic',
  bottom: 'text-after-edge',
};

export class SvgRecorder implements Paintable {
  private readonly parts: string[] = [];
  private readonly stack: State[] = [];
  private readonly clips: string[] = [];
  private path = '';
  private s: State = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    lineJoin: 'miter',
    font: '11px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    transform: '',
    clip: null,
  };

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly background: string,
  ) {}

  get fillStyle() { return this.s.fillStyle; }
  set fillStyle(v: string | CanvasGradient | CanvasPattern) { this.s.fillStyle = String(v); }
  get strokeStyle() { return this.s.strokeStyle; }
  set strokeStyle(v: string | CanvasGradient | CanvasPattern) { this.s.strokeStyle = String(v); }
  get lineWidth() { return this.s.lineWidth; }
  set lineWidth(v: number) { this.s.lineWidth = v; }
  get lineJoin() { return this.s.lineJoin; }
  set lineJoin(v: CanvasLineJoin) { this.s.lineJoin = v; }
  get font() { return this.s.font; }
  set font(v: string) { this.s.font = v; }
  get textAlign() { return this.s.textAlign; }
  set textAlign(v: CanvasTextAlign) { this.s.textAlign = v; }
  get textBaseline() { return this.s.textBaseline; }
  set textBaseline(v: CanvasTextBaseline) { this.s.textBaseline = v; }
  get globalAlpha() { return this.s.globalAlpha; }
  set globalAlpha(v: number) { this.s.globalAlpha = v; }

  private attrs(): string {
    const a: string[] = [];
    if (this.s.transform) a.push(`transform="${this.s.transform.trim()}"`);
    if (this.s.clip) a.push(`clip-path="url(#${this.s.clip})"`);
    if (this.s.globalAlpha !== 1) a.push(`opacity="${num(this.s.globalAlpha)}"`);
    return a.join(' ');
  }

  clearRect(): void {}

  fillRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${esc(this.s.fillStyle)}" ${this.attrs()}/>`);
  }

  fillText(text: string, x: number, y: number): void {
    this.parts.push(
      `<text x="${num(x)}" y="${num(y)}" fill="${esc(this.s.fillStyle)}" style="font: ${esc(this.s.font)}" text-anchor="${ANCHOR[this.s.textAlign]}" dominant-baseline="${BASELINE[this.s.textBaseline]}" ${this.attrs()}>${esc(text)}</text>`,
    );
  }

  beginPath(): void {
    this.path = '';
  }
  moveTo(x: number, y: number): void {
    this.path += `M${num(x)} ${num(y)}`;
  }
  lineTo(x: number, y: number): void {
    this.path += `L${num(x)} ${num(y)}`;
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path += `M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}Z`;
  }
  stroke(): void {
    if (!this.path) return;
    this.parts.push(
      `<path d="${this.path}" fill="none" stroke="${esc(this.s.strokeStyle)}" stroke-width="${num(this.s.lineWidth)}" stroke-linejoin="${this.s.lineJoin}" ${this.attrs()}/>`,
    );
  }
  clip(): void {
    const id = `clip${this.clips.length}`;
    this.clips.push(`<clipPath id="${id}"><path d="${this.path}"/></clipPath>`);
    this.s.clip = id;
  }
  save(): void {
    this.stack.push({ ...this.s });
  }
  restore(): void {
    this.s = this.stack.pop() ?? this.s;
  }
  translate(x: number, y: number): void {
    this.s.transform += ` translate(${num(x)} ${num(y)})`;
  }
  rotate(angle: number): void {
    this.s.transform += ` rotate(${num((angle * 180) / Math.PI)})`;
  }

  toString(): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">`,
      `<defs>${this.clips.join('')}</defs>`,
      `<rect width="100%" height="100%" fill="${esc(this.background)}"/>`,
      ...this.parts,
      '</svg>',
    ].join('\n');
  }
}
