'use strict';
/** Order statistics and table formatting for the benchmark report. */

/** Linear-interpolated quantile (q in [0, 1]) of a list of numbers. */
function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function summarize(values) {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p10: quantile(values, 0.1),
    p90: quantile(values, 0.9),
    p99: quantile(values, 0.99),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** `1234567` -> `1,235k`; small numbers keep one decimal. */
function fmtRate(perSecond) {
  if (!Number.isFinite(perSecond)) return '-';
  if (perSecond >= 10_000) return `${Math.round(perSecond / 1000).toLocaleString('en-US')}k`;
  if (perSecond >= 1000) return `${(perSecond / 1000).toFixed(1)}k`;
  return perSecond.toFixed(1);
}

function fmtNum(value, digits = 1) {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

function fmtMB(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A Markdown table (the README's Performance section can take it as is). */
function table(headers, rows, align) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r) => '| ' + r.map((cell, c) => ((align && align[c] === 'r') ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, c) => (align && align[c] === 'r' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

module.exports = { quantile, summarize, nowMs, fmtRate, fmtNum, fmtMs, fmtMB, table };
