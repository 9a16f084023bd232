// "1.2 MB" style sizes for storage usage.
import { formatNumber } from './locale.js';
const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

export function byteSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} ${value === 1 ? 'byte' : 'bytes'}`;
  return `${formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${UNITS[unit]}`;
}
