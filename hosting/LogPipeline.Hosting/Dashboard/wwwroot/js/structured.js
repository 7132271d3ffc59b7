// Structured logs received over OTLP: filter by service, level and text; live; details per entry.

import { esc, live, fmt, getJson, query, debounce, chip } from './api.js';

const MAX_ROWS = 1000;
const LEVELS = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];

export function mount(view, _, params) {
  view.innerHTML = `
    <section class="panel fill">
      <div class="toolbar">
        <h2>Structured logs</h2>
        <select id="service" aria-label="service"><option value="">all services</option></select>
        <select id="level" aria-label="level"><option value="">all levels</option>${LEVELS.map(l => `<option>${l}</option>`).join('')}</select>
        <input id="text" type="search" placeholder="filter text" aria-label="filter text" value="${esc(params.get('q') ?? '')}">
        <label><input type="checkbox" id="pause"> pause</label>
        <span id="count" class="muted"></span>
      </div>
      <div class="split">
        <div class="scroll"><table class="grid logs" id="logs">
          <thead><tr><th>Time</th><th>Service</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead>
          <tbody></tbody>
        </table></div>
        <aside id="detail" class="detail muted">Select a log entry to see its attributes.</aside>
      </div>
    </section>`;
  const service = view.querySelector('#service');
  const level = view.querySelector('#level');
  const text = view.querySelector('#text');
  const pause = view.querySelector('#pause');
  const body = view.querySelector('tbody');
  const count = view.querySelector('#count');
  const detail = view.querySelector('#detail');
  const traceId = params.get('traceId') ?? '';
  let entries = [];
  let close = () => {};

  getJson('/api/telemetry/services').then(services => {
    service.insertAdjacentHTML('beforeend', services.map(s => `<option ${s === params.get('service') ? 'selected' : ''}>${esc(s)}</option>`).join(''));
    if (params.get('service')) restart();
  });
  if (params.get('level')) level.value = params.get('level');

  const draw = () => {
    body.innerHTML = entries.map((e, i) => `
      <tr data-i="${i}" class="lvl-${e.level}">
        <td class="mono nowrap">${fmt.clock(e.timeMs)}</td>
        <td>${chip(e.service)}</td>
        <td><span class="level ${e.level}">${e.level}</span></td>
        <td class="message">${esc(e.message)}</td>
        <td>${e.traceId ? `<a href="/traces/${e.traceId}" data-link class="mono">${e.traceId.slice(0, 8)}</a>` : ''}</td>
      </tr>`).join('');
    count.textContent = `${entries.length} entries shown, newest first`;
  };

  function restart() {
    close();
    entries = [];
    draw();
    const url = traceId
      ? null
      : '/api/telemetry/logs/stream' + query({ service: service.value, level: level.value, q: text.value });
    if (!url) {
      getJson('/api/telemetry/logs' + query({ traceId, limit: 1000 })).then(data => { entries = data.entries; draw(); });
      return;
    }
    close = live(url, data => {
      if (pause.checked) return;
      entries = data.entries.concat(entries).slice(0, MAX_ROWS);
      draw();
    });
  }

  body.addEventListener('click', event => {
    const row = event.target.closest('tr[data-i]');
    if (!row || event.target.closest('a')) return;
    const e = entries[Number(row.dataset.i)];
    detail.classList.remove('muted');
    detail.innerHTML = `
      <h3>${esc(e.level)} · ${esc(e.service)}</h3>
      <p class="message-full">${esc(e.message)}</p>
      <table class="kv">
        <tr><th>time</th><td>${new Date(e.timeMs).toISOString()}</td></tr>
        <tr><th>category</th><td>${esc(e.category)}</td></tr>
        ${e.traceId ? `<tr><th>trace</th><td><a href="/traces/${e.traceId}" data-link class="mono">${e.traceId}</a></td></tr>` : ''}
        ${e.attributes.map(a => `<tr><th>${esc(a.key)}</th><td class="mono">${esc(a.value)}</td></tr>`).join('')}
      </table>`;
  });
  service.addEventListener('change', restart);
  level.addEventListener('change', restart);
  text.addEventListener('input', debounce(restart, 300));
  if (traceId) count.textContent = `logs of trace ${traceId}`;
  restart();
  return () => close();
}
