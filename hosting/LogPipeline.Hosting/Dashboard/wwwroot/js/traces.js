// Traces: the newest first, filtered by service and text (a log id finds the trace that carried it).

import { esc, live, fmt, getJson, query, debounce, chip } from './api.js';

export function mount(view, _, params) {
  view.innerHTML = `
    <section class="panel fill">
      <div class="toolbar">
        <h2>Traces</h2>
        <select id="service" aria-label="service"><option value="">all services</option></select>
        <input id="text" type="search" placeholder="span name, attribute value (e.g. a log id), trace id" aria-label="filter" value="${esc(params.get('q') ?? '')}">
        <label title="hide traces that stay inside one service (health checks, DynamoDB calls)"><input type="checkbox" id="across" ${params.get('all') ? '' : 'checked'}> across services only</label>
        <label><input type="checkbox" id="pause"> pause</label>
        <span id="count" class="muted"></span>
      </div>
      <div class="scroll"><table class="grid" id="traces">
        <thead><tr><th>Time</th><th>Name</th><th>Services</th><th>Spans</th><th class="wide">Duration</th></tr></thead>
        <tbody></tbody>
      </table></div>
    </section>`;
  const service = view.querySelector('#service');
  const text = view.querySelector('#text');
  const pause = view.querySelector('#pause');
  const across = view.querySelector('#across');
  const body = view.querySelector('tbody');
  const count = view.querySelector('#count');
  let close = () => {};

  getJson('/api/telemetry/services').then(services => {
    service.insertAdjacentHTML('beforeend', services.map(s => `<option>${esc(s)}</option>`).join(''));
  });

  const draw = data => {
    const longest = Math.max(1, ...data.traces.map(t => t.durationMs));
    body.innerHTML = data.traces.map(t => `
      <tr class="${t.hasError ? 'error' : ''}" data-trace="${t.traceId}">
        <td class="mono nowrap">${fmt.clock(t.startMs)}</td>
        <td><a href="/traces/${t.traceId}" data-link>${esc(t.rootService)}: ${esc(t.name)}</a> <span class="muted mono small">${t.traceId.slice(0, 8)}</span></td>
        <td>${t.services.map(chip).join(' ')}</td>
        <td>${t.spanCount}</td>
        <td><div class="bar"><i style="width:${Math.max(1, (t.durationMs / longest) * 100)}%"></i><span>${fmt.duration(t.durationMs)}</span></div></td>
      </tr>`).join('') || '<tr><td colspan="5" class="muted">No traces yet.</td></tr>';
    count.textContent = `${data.traces.length} newest of ${data.total} kept`;
  };

  const restart = () => {
    close();
    close = live('/api/telemetry/traces/stream' + query({ service: service.value, q: text.value.trim(), minServices: across.checked ? 2 : '' }), data => { if (!pause.checked) draw(data); });
  };
  body.addEventListener('click', event => {
    const row = event.target.closest('tr[data-trace]');
    if (row && !event.target.closest('a')) row.querySelector('a').click();
  });
  service.addEventListener('change', restart);
  across.addEventListener('change', restart);
  text.addEventListener('input', debounce(restart, 300));
  restart();
  return () => close();
}
