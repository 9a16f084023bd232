// Charts of the result on screen: bar, line, scatter or histogram over chosen columns,
// with axis titles, tooltips that show exact values, and Save as PNG or SVG.
import { useEffect, useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { QueryResultInfo } from '../../../../shared/analysis/analytics.js';
import { Spinner } from '../../../components/Spinner.js';
import { countOf, formatCount } from '../display-format.js';
import { CHART_ROW_LIMIT, useChartRows } from '../hooks/useChartRows.js';
import { paint, type Palette } from './chart-draw.js';
import { hitTest } from './chart-hit.js';
import { buildModel, DEFAULT_BINS, MAX_BINS, MIN_BINS, type ChartKind, type ChartModel, type ChartSpec } from './chart-model.js';
import { SvgRecorder } from './chart-svg.js';
import { axisKind } from './chart-values.js';
import styles from './ChartPanel.module.css';

const KINDS: { id: ChartKind; label: string }[] = [
  { id: 'bar', label: 'Bar' },
  { id: 'line', label: 'Line' },
  { id: 'scatter', label: 'Scatter' },
  { id: 'histogram', label: 'Histogram' },
];

function defaultSpec(info: QueryResultInfo): ChartSpec {
  const numeric = info.columns.map((c, i) => [c, i] as const).filter(([c]) => axisKind(c.type) === 'number');
  const category = info.columns.findIndex((c) => axisKind(c.type) === 'category');
  const time = info.columns.findIndex((c) => axisKind(c.type) === 'time');
  const base = { order: 'value' as const, bins: DEFAULT_BINS };
  if (time >= 0 && numeric.length) return { ...base, kind: 'line', x: time, y: numeric[0]![1] };
  if (category >= 0) return { ...base, kind: 'bar', x: category, y: numeric[0]?.[1] ?? -1 };
  if (numeric.length >= 2) return { ...base, kind: 'scatter', x: numeric[0]![1], y: numeric[1]![1] };
  return { ...base, kind: 'histogram', x: numeric[0]?.[1] ?? 0, y: -1 };
}

function palette(el: HTMLElement): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    accent: v('--color-accent', '#4f46e5'),
    text: v('--color-text', '#18181b'),
    muted: v('--color-text-subtle', '#71717a'),
    grid: v('--color-border', '#e4e4e7'),
    font: v('--font-sans', 'system-ui'),
  };
}

/** Hands a file to the browser's download (Electron asks where to save it). */
function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has its own copy once started; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileStem = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'chart';

export function ChartPanel({ info }: { info: QueryResultInfo }) {
  const [spec, setSpec] = useState<ChartSpec>(() => defaultSpec(info));
  const rows = useChartRows(info);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 600, height: 320 });
  // The model a tooltip was read from: a tooltip of an older model is not shown.
  const [tip, setTip] = useState<{ x: number; y: number; lines: string[]; model: ChartModel } | null>(null);
  const id = useId();

  const model = useMemo(
    () => (rows.status === 'ready' ? buildModel(spec, info.columns, rows.rows, info.timeZone) : null),
    [rows, spec, info.columns, info.timeZone],
  );

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setSize({ width: box.clientWidth, height: box.clientHeight }));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !model) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    paint(ctx, model, size.width, size.height, palette(canvas), dpr);
  }, [model, size]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!model || rows.status !== 'ready') return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const lines = hitTest(model, size.width, size.height, x, y, { columns: info.columns, rows: rows.rows, x: spec.x, y: spec.y, timeZone: info.timeZone });
    setTip(lines ? { x, y, lines, model } : null);
  };

  const stem = `${fileStem(info.columns[spec.x]?.name ?? 'chart')}-${spec.kind}`;
  const savePng = () => canvasRef.current?.toBlob((blob) => blob && download(blob, `${stem}.png`), 'image/png');
  const saveSvg = () => {
    const canvas = canvasRef.current;
    if (!canvas || !model) return;
    const p = palette(canvas);
    const svg = new SvgRecorder(size.width, size.height, getComputedStyle(canvas).getPropertyValue('--color-surface').trim() || '#ffffff');
    paint(svg, model, size.width, size.height, p);
    download(new Blob([svg.toString()], { type: 'image/svg+xml' }), `${stem}.svg`);
  };

  const needsY = spec.kind === 'line' || spec.kind === 'scatter' || spec.kind === 'bar';
  const xLabel = spec.kind === 'histogram' ? 'Values' : spec.kind === 'bar' ? 'Categories' : 'X axis';
  const points = model ? ('xs' in model ? model.xs.length : 'counts' in model ? model.counts.reduce((a, b) => a + b, 0) : model.values.length) : 0;
  const unit = spec.kind === 'bar' ? (points === 1 ? 'bar' : 'bars') : points === 1 ? 'value' : 'values';

  return (
    <div className={styles.panel} data-testid="chart-panel">
      <div className={styles.controls}>
        <div className={styles.kinds} role="radiogroup" aria-label="Chart type">
          {KINDS.map((k) => (
            <button
              key={k.id}
              type="button"
              role="radio"
              aria-checked={spec.kind === k.id}
              className={`${styles.kind} ${spec.kind === k.id ? styles.kindActive : ''}`}
              onClick={() => setSpec((s) => ({ ...s, kind: k.id, y: k.id === 'histogram' ? -1 : s.y }))}
              data-testid={`chart-kind-${k.id}`}
            >
              {k.label}
            </button>
          ))}
        </div>
        <label className={styles.pick} htmlFor={`${id}-x`}>
          {xLabel}
          <select id={`${id}-x`} className={styles.axisSelect} value={spec.x} onChange={(e) => setSpec((s) => ({ ...s, x: Number(e.target.value) }))} data-testid="chart-x">
            {info.columns.map((c, i) => (
              <option key={i} value={i}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {needsY && (
          <label className={styles.pick} htmlFor={`${id}-y`}>
            {spec.kind === 'bar' ? 'Height' : 'Y axis'}
            <select id={`${id}-y`} className={styles.axisSelect} value={spec.y} onChange={(e) => setSpec((s) => ({ ...s, y: Number(e.target.value) }))} data-testid="chart-y">
              {spec.kind === 'bar' && <option value={-1}>Count of rows</option>}
              {info.columns.map((c, i) =>
                axisKind(c.type) === 'number' ? (
                  <option key={i} value={i}>
                    {spec.kind === 'bar' ? `Sum of ${c.name}` : c.name}
                  </option>
                ) : null,
              )}
            </select>
          </label>
        )}
        {spec.kind === 'bar' && (
          <div className={styles.kinds} role="radiogroup" aria-label="Order of bars">
            {(['value', 'category'] as const).map((o) => (
              <button
                key={o}
                type="button"
                role="radio"
                aria-checked={spec.order === o}
                className={`${styles.kind} ${spec.order === o ? styles.kindActive : ''}`}
                onClick={() => setSpec((s) => ({ ...s, order: o }))}
                data-testid={`chart-order-${o}`}
              >
                {o === 'value' ? 'By value' : 'By category'}
              </button>
            ))}
          </div>
        )}
        {spec.kind === 'histogram' && (
          <label className={styles.pick} htmlFor={`${id}-bins`}>
            Bins
            <input
              id={`${id}-bins`}
              type="number"
              min={MIN_BINS}
              max={MAX_BINS}
              value={spec.bins}
              onChange={(e) => {
                const bins = Number(e.target.value);
                if (Number.isFinite(bins) && bins >= MIN_BINS && bins <= MAX_BINS) setSpec((s) => ({ ...s, bins: Math.round(bins) }));
              }}
              className={styles.bins}
              data-testid="chart-bins"
            />
          </label>
        )}
        <span className={styles.note} data-testid="chart-note">
          {rows.status === 'ready' && model && (
            <>
              {formatCount(points)} {unit}
              {info.totalRows > CHART_ROW_LIMIT && ` from the first ${formatCount(CHART_ROW_LIMIT)} of ${formatCount(info.totalRows)} rows`}
              {'skipped' in model && model.skipped > 0 && ` · ${formatCount(model.skipped)} NULL or non-numeric skipped`}
              {'omitted' in model && model.omitted > 0 && ` · ${formatCount(model.omitted)} smaller ${model.omitted === 1 ? 'category' : 'categories'} not shown`}
            </>
          )}
        </span>
        <span className={styles.save}>
          <button type="button" className={styles.saveButton} onClick={savePng} disabled={!model} data-testid="chart-save-png">
            Save PNG
          </button>
          <button type="button" className={styles.saveButton} onClick={saveSvg} disabled={!model} data-testid="chart-save-svg">
            Save SVG
          </button>
        </span>
      </div>
      <div ref={boxRef} className={styles.canvasBox}>
        {rows.status === 'loading' && (
          <div className={styles.overlay}>
            <Spinner size={18} label="Loading rows for the chart" />
            Loading {formatCount(rows.loaded)} of {countOf(rows.wanted, 'row')}…
          </div>
        )}
        {rows.status === 'error' && (
          <div className={styles.overlay} role="alert">
            The rows could not be loaded: {rows.error.message}
          </div>
        )}
        {rows.status === 'ready' && !model && (
          <div className={styles.overlay}>Choose a numeric column for the Y axis.</div>
        )}
        {rows.status === 'ready' && info.totalRows === 0 && <div className={styles.overlay}>There are no rows to chart.</div>}
        <canvas
          ref={canvasRef}
          className={styles.canvas}
          style={{ width: size.width, height: size.height }}
          role="img"
          aria-label={model ? `${spec.kind} chart: ${model.yTitle} by ${model.xTitle}` : `${spec.kind} chart`}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setTip(null)}
          data-testid="chart-canvas"
        />
        {tip && tip.model === model && (
          <div
            className={styles.tooltip}
            role="tooltip"
            style={{ left: Math.min(tip.x + 14, size.width - 240), top: Math.max(4, tip.y - 12 - tip.lines.length * 18) }}
            data-testid="chart-tooltip"
          >
            {tip.lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
