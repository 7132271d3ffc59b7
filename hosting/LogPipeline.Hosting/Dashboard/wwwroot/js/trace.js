// One trace as a waterfall: spans nested under their parents, across services (Kafka headers carry the context
// from the generator's publish span to the scorer's and on to the writer's).

import { esc, fmt, getJson, chip, color } from './api.js';
import { resourcesFeed } from './app.js';

const LOG_ID_KEYS = ['log.id', 'logpipeline.log_identifier'];

export function mount(view, [traceId]) {
  view.innerHTML = `<section class="panel fill"><p class="muted">Loading trace ${esc(traceId)}…</p></section>`;
  let timer = 0;
  let selected = null;

  const load = async () => {
    let data;
    try {
      data = await getJson(`/api/telemetry/traces/${traceId}`);
    } catch {
      view.innerHTML = `<section class="panel"><h2>Trace ${esc(traceId)}</h2><p class="muted">Unknown, or no longer kept (the dashboard keeps a bounded window).</p><a href="/traces" data-link>All traces</a></section>`;
      return;
    }
    render(view, data, selected);
    // Spans from other services may still be on their way: refresh a little while.
    if (Date.now() - data.summary.startMs < 30000) timer = setTimeout(load, 2000);
  };

  const onClick = event => {
    const row = event.target.closest('[data-span]');
    if (!row || event.target.closest('a')) return;
    selected = row.dataset.span;
    view.querySelectorAll('.span-row').forEach(r => r.classList.toggle('selected', r.dataset.span === selected));
    showDetail(view, view.spans.find(s => s.spanId === selected));
  };
  view.addEventListener('click', onClick);
  load();
  return () => { clearTimeout(timer); view.removeEventListener('click', onClick); delete view.spans; };
}

function render(view, { summary, spans }, selected) {
  view.spans = spans;
  const byId = new Map(spans.map(s => [s.spanId, s]));
  const children = new Map();
  for (const s of spans) {
    const parent = s.parentSpanId && byId.has(s.parentSpanId) ? s.parentSpanId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(s);
  }
  const ordered = [];
  const walk = (parent, depth) => {
    for (const s of (children.get(parent) ?? []).sort((a, b) => a.startMs - b.startMs)) {
      ordered.push([s, depth]);
      walk(s.spanId, depth + 1);
    }
  };
  walk('', 0);

  const start = summary.startMs, total = Math.max(summary.durationMs, 0.001);
  view.innerHTML = `
    <section class="panel fill">
      <div class="panel-head">
        <h2>${esc(summary.rootService)}: ${esc(summary.name)}</h2>
        <span class="muted mono">${summary.traceId}</span>
      </div>
      <p class="summary">
        ${new Date(start).toISOString().replace('T', ' ').replace('Z', ' UTC')} · ${fmt.duration(summary.durationMs)} ·
        ${summary.spanCount} spans · ${summary.services.map(chip).join(' ')} ·
        <a href="/structured?traceId=${summary.traceId}" data-link>logs of this trace</a> · <a href="/traces" data-link>all traces</a>
      </p>
      <div class="split">
        <div class="scroll waterfall" id="waterfall">
          <div class="wf-head"><span>Span</span><span class="wf-scale">${[0, 0.25, 0.5, 0.75, 1].map(f => `<i style="left:${f * 100}%">${fmt.duration(total * f)}</i>`).join('')}</span></div>
          ${ordered.map(([s, depth]) => `
            <div class="span-row${s.spanId === selected ? ' selected' : ''}${s.status === 'Error' ? ' error' : ''}" data-span="${s.spanId}" data-service="${esc(s.service)}" data-name="${esc(s.name)}">
              <span class="wf-name" style="padding-left:${depth * 16 + 6}px">${chip(s.service)} ${esc(s.name)} <span class="muted small">${esc(s.kind)}</span></span>
              <span class="wf-track">${track(s, byId.get(s.parentSpanId), start, total)}</span>
            </div>`).join('')}
        </div>
        <aside id="detail" class="detail muted">Select a span to see its attributes.</aside>
      </div>
    </section>`;
  if (selected) showDetail(view, spans.find(s => s.spanId === selected));
}

/** The span's bar, its duration, and (for a consumer) the time its message waited in Kafka since the parent. */
function track(s, parent, start, total) {
  const pct = ms => (ms / total) * 100;
  const left = pct(s.startMs - start), width = Math.max(0.3, pct(s.durationMs));
  let html = '';
  const parentEnd = parent ? parent.startMs + parent.durationMs : null;
  if (parent && s.startMs > parentEnd) {
    const waited = s.startMs - parentEnd;
    html += `<b class="gap" style="left:${pct(parentEnd - start)}%;width:${pct(waited)}%" title="${fmt.duration(waited)} between ${esc(parent.service)}'s span and this one"></b>`;
    if (pct(waited) > 12) html += `<em class="gap-label" style="left:${pct(parentEnd - start) + pct(waited) / 2}%">${s.kind === 'Consumer' ? 'in Kafka ' : ''}${fmt.duration(waited)}</em>`;
  }
  html += `<i style="left:${left}%;width:${width}%;background:${color(s.service)}"></i>`;
  const label = fmt.duration(s.durationMs);
  html += left + width < 85
    ? `<em style="left:calc(${left + width}% + 6px)">${label}</em>`
    : `<em style="right:calc(${100 - left}% + 6px)">${label}</em>`;
  return html;
}

function showDetail(view, span) {
  const detail = view.querySelector('#detail');
  if (!span) return;
  const queryApi = resourcesFeed.current.find(r => r.name === 'queryapi')?.endpoints?.http;
  const logId = span.attributes.find(a => LOG_ID_KEYS.includes(a.key))?.value;
  detail.classList.remove('muted');
  detail.innerHTML = `
    <h3>${esc(span.name)}</h3>
    <table class="kv">
      <tr><th>service</th><td>${chip(span.service)}</td></tr>
      <tr><th>kind</th><td>${esc(span.kind)}</td></tr>
      <tr><th>status</th><td>${esc(span.status)}${span.statusMessage ? ': ' + esc(span.statusMessage) : ''}</td></tr>
      <tr><th>duration</th><td>${fmt.duration(span.durationMs)}</td></tr>
      <tr><th>span id</th><td class="mono">${span.spanId}</td></tr>
      <tr><th>parent</th><td class="mono">${span.parentSpanId ?? '(root)'}</td></tr>
      <tr><th>scope</th><td>${esc(span.scope)}</td></tr>
      ${span.attributes.map(a => `<tr><th>${esc(a.key)}</th><td class="mono">${esc(a.value)}</td></tr>`).join('')}
    </table>
    ${logId && queryApi ? `<p><a href="${esc(queryApi)}/api/logs/${encodeURIComponent(logId)}" target="_blank" rel="noopener">stored log ${esc(logId)} in the query API</a></p>` : ''}
    ${span.events.length ? `<h4>Events</h4>${span.events.map(e => `<div class="mono small">${fmt.clock(e.timeMs)} ${esc(e.name)} ${e.attributes.map(a => esc(a.key + '=' + a.value)).join(' ')}</div>`).join('')}` : ''}`;
}
