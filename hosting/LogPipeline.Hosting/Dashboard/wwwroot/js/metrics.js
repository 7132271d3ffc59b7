// Metrics: every instrument every service reports, charted live (rates for counters, percentiles for histograms).

import { esc, live, fmt, getJson, query, color } from './api.js';
import { TimeChart, legend } from './chart.js';

export function mount(view, _, params) {
  view.innerHTML = `
    <section class="panel fill">
      <div class="split metrics">
        <nav class="instruments">
          <input id="filter" type="search" placeholder="filter instruments" aria-label="filter instruments">
          <div id="list" class="scroll"></div>
        </nav>
        <div class="metric-main">
          <div class="toolbar">
            <h2 id="title">Metrics</h2>
            <select id="chart-view" aria-label="view"></select>
            <select id="minutes" aria-label="time range">
              <option value="5" selected>5 min</option><option value="15">15 min</option><option value="60">1 h</option>
            </select>
          </div>
          <p id="description" class="muted">Choose an instrument.</p>
          <div class="chart-box"><canvas id="chart" class="chart tall"></canvas></div>
          <div id="legend" class="legend"></div>
          <table class="grid compact" id="latest"><tbody></tbody></table>
        </div>
      </div>
    </section>`;
  const list = view.querySelector('#list');
  const filter = view.querySelector('#filter');
  const viewSelect = view.querySelector('#chart-view');
  const minutes = view.querySelector('#minutes');
  const chart = new TimeChart(view.querySelector('#chart'));
  let instruments = [];
  let selected = params.get('service') && params.get('name') ? { service: params.get('service'), name: params.get('name') } : null;
  let close = () => {};

  const drawList = () => {
    const term = filter.value.toLowerCase();
    const services = [...new Set(instruments.map(i => i.service))];
    list.innerHTML = services.map(service => {
      // The pipeline's own instruments first, then the runtime's and ASP.NET Core's.
      const items = instruments.filter(i => i.service === service && (!term || i.name.toLowerCase().includes(term)))
        .sort((a, b) => ours(b) - ours(a) || a.name.localeCompare(b.name));
      if (!items.length) return '';
      return `<h4 style="color:${color(service)}">${esc(service)}</h4>` + items.map(i =>
        `<a href="#" data-service="${esc(i.service)}" data-name="${esc(i.name)}" class="${selected?.service === i.service && selected?.name === i.name ? 'active' : ''}">${esc(i.name)} <span class="muted small">${i.type}</span></a>`).join('');
    }).join('') || '<p class="muted">No metrics received yet.</p>';
  };

  const refreshList = async () => {
    instruments = await getJson('/api/telemetry/metrics');
    drawList();
    if (!selected && instruments.length) select(instruments.find(i => i.name.startsWith('logpipeline.')) ?? instruments[0], null);
  };

  const select = (instrument, chosenView) => {
    selected = { service: instrument.service, name: instrument.name };
    drawList();
    close();
    const url = '/api/telemetry/metrics/stream' + query({ service: selected.service, name: selected.name, view: chosenView, minutes: minutes.value });
    close = live(url, data => {
      const info = data.instrument;
      view.querySelector('#title').textContent = `${info.service} · ${info.name}`;
      view.querySelector('#description').textContent = `${info.description || 'no description'} — ${info.type}${info.unit ? ', unit ' + info.unit : ''}, ${info.seriesCount} series`;
      if (viewSelect.dataset.for !== info.service + info.name) {
        viewSelect.innerHTML = info.views.map(v => `<option ${v === data.view ? 'selected' : ''}>${v}</option>`).join('');
        viewSelect.dataset.for = info.service + info.name;
      }
      const series = data.series.map((s, i) => ({ label: s.label, color: palette(i), points: s.points }));
      const now = Date.now();
      chart.draw({ from: now - minutes.value * 60000, to: now, series });
      view.querySelector('#legend').innerHTML = legend(series);
      view.querySelector('#latest tbody').innerHTML = data.series.map((s, i) => {
        const last = s.points[s.points.length - 1];
        return `<tr><td><i class="swatch" style="background:${palette(i)}"></i>${esc(s.label)}</td><td class="num">${last ? fmt.num(last[1], 3) : '–'}</td><td class="muted">${data.view}${info.unit ? ' ' + esc(info.unit) : ''}${data.view === 'rate' ? '/s' : ''}</td></tr>`;
      }).join('');
    });
  };

  list.addEventListener('click', event => {
    const link = event.target.closest('a[data-name]');
    if (!link) return;
    event.preventDefault();
    viewSelect.dataset.for = '';
    select({ service: link.dataset.service, name: link.dataset.name }, null);
  });
  viewSelect.addEventListener('change', () => select(selected, viewSelect.value));
  minutes.addEventListener('change', () => selected && select(selected, viewSelect.value));
  filter.addEventListener('input', drawList);
  if (selected) select(selected, params.get('view'));
  refreshList();
  const timer = setInterval(refreshList, 5000);
  return () => { close(); clearInterval(timer); chart.dispose(); };
}

const ours = i => i.name.startsWith('logpipeline.') || i.name.startsWith('rcf.') ? 1 : 0;
const colors = ['#38bdf8', '#a78bfa', '#34d399', '#fbbf24', '#f472b6', '#fb923c', '#60a5fa', '#4ade80', '#e879f9', '#2dd4bf', '#f87171', '#c084fc'];
const palette = i => colors[i % colors.length];
