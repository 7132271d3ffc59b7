// Console logs of one resource, live, with search and follow.

import { esc, live, fmt } from './api.js';
import { resourcesFeed, navigate } from './app.js';

const MAX_LINES = 5000;

export function mount(view, [name]) {
  view.innerHTML = `
    <section class="panel fill">
      <div class="toolbar">
        <h2>Console</h2>
        <select id="resource" aria-label="resource"></select>
        <input id="search" type="search" placeholder="search" aria-label="search">
        <label><input type="checkbox" id="follow" checked> follow</label>
        <label><input type="checkbox" id="errors"> errors only</label>
        <button id="clear">clear</button>
        <span id="count" class="muted"></span>
      </div>
      <div id="console" class="console mono"></div>
    </section>`;
  const select = view.querySelector('#resource');
  const search = view.querySelector('#search');
  const follow = view.querySelector('#follow');
  const errors = view.querySelector('#errors');
  const out = view.querySelector('#console');
  const count = view.querySelector('#count');
  let lines = [];
  let pending = [];
  let frame = 0;

  const unsubscribe = resourcesFeed.subscribe(list => {
    if (!name && list.length) { navigate(`/console/${encodeURIComponent(list[0].name)}`); return; }
    const names = list.map(r => r.name);
    if (select.options.length !== names.length) {
      select.innerHTML = names.map(n => `<option ${n === name ? 'selected' : ''}>${esc(n)}</option>`).join('');
    }
  });
  select.addEventListener('change', () => navigate(`/console/${encodeURIComponent(select.value)}`));

  const matches = line => (!errors.checked || line.isError) && (!search.value || line.text.toLowerCase().includes(search.value.toLowerCase()));
  const html = line => {
    let text = esc(line.text);
    const term = search.value && esc(search.value);
    if (term) text = text.replace(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), m => `<mark>${m}</mark>`);
    return `<div class="line${line.isError ? ' err' : ''}" title="${fmt.clock(Date.parse(line.time))}">${text}</div>`;
  };
  const scroll = () => { if (follow.checked) out.scrollTop = out.scrollHeight; };
  const redraw = () => {
    out.innerHTML = lines.filter(matches).map(html).join('');
    count.textContent = `${lines.length} lines`;
    scroll();
  };
  const flush = () => {
    frame = 0;
    const shown = pending.filter(matches);
    pending = [];
    if (shown.length) {
      out.insertAdjacentHTML('beforeend', shown.map(html).join(''));
      while (out.childElementCount > MAX_LINES) out.firstElementChild.remove();
    }
    count.textContent = `${lines.length} lines`;
    scroll();
  };

  const close = name ? live(`/api/resources/${encodeURIComponent(name)}/logs/stream`, line => {
    lines.push(line);
    pending.push(line);
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
    if (!frame) frame = requestAnimationFrame(flush);
  }) : () => {};

  search.addEventListener('input', redraw);
  errors.addEventListener('change', redraw);
  follow.addEventListener('change', scroll);
  view.querySelector('#clear').addEventListener('click', () => { lines = []; pending = []; redraw(); });

  return () => { close(); unsubscribe(); cancelAnimationFrame(frame); };
}
