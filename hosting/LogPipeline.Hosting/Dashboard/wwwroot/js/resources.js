// Resources: state, health, uptime, endpoints, environment (secrets masked), start / stop / restart.

import { esc, fmt, postJson, color } from './api.js';
import { resourcesFeed } from './app.js';

export function mount(view) {
  view.innerHTML = `
    <section class="panel">
      <div class="panel-head"><h2>Resources</h2><span class="muted">the same data as JSON: <a href="/api/resources">/api/resources</a></span></div>
      <table class="grid" id="resources">
        <thead><tr><th>Resource</th><th>Type</th><th>State</th><th>Uptime</th><th>Endpoints</th><th>Actions</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>`;
  const body = view.querySelector('tbody');
  const open = new Set();
  let current = [];

  const draw = () => {
    body.innerHTML = current.map(r => row(r, open.has(r.name))).join('');
  };
  const stop = resourcesFeed.subscribe(list => {
    // Redraw only on change, so a click is never lost to a redraw; uptimes tick on their own.
    if (JSON.stringify(list) !== JSON.stringify(current)) { current = list; draw(); }
  });
  const tick = setInterval(() => {
    for (const cell of body.querySelectorAll('[data-started]')) cell.firstChild.textContent = uptime(cell.dataset.started);
  }, 1000);

  body.addEventListener('click', async event => {
    const button = event.target.closest('button');
    if (!button) return;
    const { name, cmd } = button.dataset;
    if (cmd === 'env') {
      open.has(name) ? open.delete(name) : open.add(name);
      draw();
      return;
    }
    button.disabled = true;
    button.textContent = cmd + '…';
    const result = await postJson(`/api/resources/${encodeURIComponent(name)}/${cmd}`);
    if (!result.ok) alert(`${cmd} ${name} failed: ${result.data?.detail ?? result.status}`);
  });

  return () => { stop(); clearInterval(tick); };
}

const uptime = startedAt => fmt.uptime(Math.max(0, Math.floor((Date.now() - Date.parse(startedAt)) / 1000)));

function row(r, expanded) {
  const state = r.health === 'Healthy' ? 'healthy' : ['FailedToStart', 'Exited'].includes(r.state) ? 'bad' : r.state === 'Running' ? 'warn' : 'idle';
  const endpoints = Object.entries(r.endpoints ?? {}).map(([name, url]) =>
    `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(url)}</a> <span class="muted">${esc(name)}</span>`).join('<br>');
  const running = r.state === 'Running';
  const env = Object.entries(r.environment ?? {});
  return `
    <tr data-name="${esc(r.name)}" class="resource ${state}">
      <td><span class="dot"></span><span class="swatch" style="background:${color(r.name)}"></span><strong>${esc(r.name)}</strong></td>
      <td class="muted">${esc(r.type)}</td>
      <td><span class="state">${esc(r.state)}</span>${r.health !== 'Unknown' ? ` · <span class="health-text">${esc(r.health)}</span>` : ''}
        ${r.message ? `<div class="muted small">${esc(r.message)}</div>` : ''}
        ${r.exitCode !== null && r.exitCode !== undefined && !running ? `<div class="muted small">exit code ${r.exitCode}</div>` : ''}</td>
      <td ${running && r.startedAt ? `data-started="${esc(r.startedAt)}"` : ''}><span>${running && r.startedAt ? uptime(r.startedAt) : ''}</span>${r.restarts ? `<div class="muted small">${r.restarts} restart${r.restarts > 1 ? 's' : ''}</div>` : ''}</td>
      <td class="endpoints">${endpoints}${r.connectionString ? `<div class="muted small mono">${esc(r.connectionString)}</div>` : ''}</td>
      <td class="actions">
        <button data-name="${esc(r.name)}" data-cmd="${running ? 'stop' : 'start'}">${running ? 'stop' : 'start'}</button>
        <button data-name="${esc(r.name)}" data-cmd="restart">restart</button>
        <a class="button" href="/console/${encodeURIComponent(r.name)}" data-link>logs</a>
        <button data-name="${esc(r.name)}" data-cmd="env" class="${expanded ? 'on' : ''}">env (${env.length})</button>
      </td>
    </tr>
    ${expanded ? `<tr class="details"><td colspan="6">
      ${r.references?.length ? `<p class="muted">references: ${r.references.map(esc).join(', ')}</p>` : ''}
      <table class="kv">${env.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `<tr><th>${esc(k)}</th><td class="mono">${esc(v)}</td></tr>`).join('') || '<tr><td class="muted">no environment (not started yet)</td></tr>'}</table>
    </td></tr>` : ''}`;
}
