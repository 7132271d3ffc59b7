// A small time-series chart on a canvas: lines (optionally stepped or dashed), dots, horizontal reference lines.
// No dependencies; redraws on resize; cheap enough to redraw a few times a second.

import { fmt } from './api.js';

const AXIS = '#64748b';
const GRID = 'rgba(148, 163, 184, 0.12)';
const FONT = '11px system-ui, sans-serif';

export class TimeChart {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas, { yMin = null, yFormat = fmt.compact, emptyText = 'waiting for data…' } = {}) {
    this.canvas = canvas;
    this.options = { yMin, yFormat, emptyText };
    this.data = null;
    this.observer = new ResizeObserver(() => this.draw(this.data));
    this.observer.observe(canvas);
  }

  dispose() {
    this.observer.disconnect();
  }

  /**
   * @param {{from?: number, to?: number, series: {label: string, color: string, points: number[][],
   *   width?: number, dash?: number[], step?: boolean, dots?: boolean, fill?: boolean}[],
   *   lines?: {value: number, color: string, label?: string}[]}} data
   */
  draw(data) {
    this.data = data;
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (!width || !height) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    g.font = FONT;

    const series = (data?.series ?? []).filter(s => s.points.length > 0);
    const lines = (data?.lines ?? []).filter(l => Number.isFinite(l.value));
    if (series.length === 0) {
      g.fillStyle = AXIS;
      g.textAlign = 'center';
      g.fillText(this.options.emptyText, width / 2, height / 2);
      return;
    }

    const xs = series.flatMap(s => s.points.map(p => p[0]));
    const ys = series.flatMap(s => s.points.map(p => p[1])).concat(lines.map(l => l.value));
    const x0 = data.from ?? Math.min(...xs), x1 = Math.max(data.to ?? Math.max(...xs), x0 + 1);
    let y0 = this.options.yMin ?? Math.min(...ys), y1 = Math.max(...ys);
    if (y1 - y0 < 1e-9) { y1 += Math.abs(y1) * 0.1 || 1; if (this.options.yMin === null) y0 -= Math.abs(y0) * 0.1 || 0; }
    const ticks = niceTicks(y0, y1, Math.max(2, Math.floor(height / 45)));
    y0 = Math.min(y0, ticks[0]); y1 = Math.max(y1, ticks[ticks.length - 1]);

    const labelWidth = Math.max(...ticks.map(t => g.measureText(this.options.yFormat(t)).width)) + 10;
    const box = { left: labelWidth, right: width - 8, top: 8, bottom: height - 20 };
    const X = t => box.left + ((t - x0) / (x1 - x0)) * (box.right - box.left);
    const Y = v => box.bottom - ((v - y0) / (y1 - y0)) * (box.bottom - box.top);

    // Grid and axes.
    g.strokeStyle = GRID; g.fillStyle = AXIS; g.lineWidth = 1;
    g.textAlign = 'right'; g.textBaseline = 'middle';
    for (const t of ticks) {
      const y = Math.round(Y(t)) + 0.5;
      g.beginPath(); g.moveTo(box.left, y); g.lineTo(box.right, y); g.stroke();
      g.fillText(this.options.yFormat(t), box.left - 6, y);
    }
    g.textAlign = 'center'; g.textBaseline = 'top';
    const step = timeStep((x1 - x0) / Math.max(2, Math.floor((box.right - box.left) / 90)));
    for (let t = Math.ceil(x0 / step) * step; t <= x1; t += step) {
      const x = Math.round(X(t)) + 0.5;
      g.beginPath(); g.moveTo(x, box.top); g.lineTo(x, box.bottom); g.stroke();
      g.fillText(fmt.time(t), x, box.bottom + 5);
    }

    g.save();
    g.beginPath(); g.rect(box.left, box.top - 4, box.right - box.left, box.bottom - box.top + 8); g.clip();
    for (const s of series) {
      g.strokeStyle = s.color; g.fillStyle = s.color;
      g.lineWidth = s.width ?? 1.5;
      g.setLineDash(s.dash ?? []);
      if (s.dots) {
        for (const [t, v] of s.points) { g.beginPath(); g.arc(X(t), Y(v), s.radius ?? 3, 0, Math.PI * 2); g.fill(); }
        continue;
      }
      g.beginPath();
      s.points.forEach(([t, v], i) => {
        const x = X(t), y = Y(v);
        if (i === 0) g.moveTo(x, y);
        else if (s.step) { g.lineTo(x, Y(s.points[i - 1][1])); g.lineTo(x, y); }
        else g.lineTo(x, y);
      });
      g.stroke();
      if (s.fill) {
        g.lineTo(X(s.points[s.points.length - 1][0]), box.bottom); g.lineTo(X(s.points[0][0]), box.bottom); g.closePath();
        g.globalAlpha = 0.12; g.fill(); g.globalAlpha = 1;
      }
    }
    g.setLineDash([]);
    for (const l of lines) {
      const y = Math.round(Y(l.value)) + 0.5;
      g.strokeStyle = l.color; g.lineWidth = 1.5; g.setLineDash([6, 4]);
      g.beginPath(); g.moveTo(box.left, y); g.lineTo(box.right, y); g.stroke();
      g.setLineDash([]);
      if (l.label) { g.fillStyle = l.color; g.textAlign = 'right'; g.textBaseline = 'bottom'; g.fillText(l.label, box.right - 4, y - 3); }
    }
    g.restore();
  }
}

/** Round tick values covering [min, max]. */
export function niceTicks(min, max, count) {
  const span = max - min;
  const raw = span / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(s => span / s <= count) ?? 10 * magnitude;
  const ticks = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 0.999; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function timeStep(ms) {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map(s => s * 1000);
  return steps.find(s => s >= ms) ?? 3600_000;
}

/** A legend as HTML: a swatch and a label per series. */
export function legend(series) {
  return series.map(s => `<span class="legend-item"><i style="background:${s.color}"></i>${s.label.replace(/[&<>]/g, '')}</span>`).join('');
}
