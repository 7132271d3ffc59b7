// The dashboard's shell: client-side routes, the navigation and the header's health summary.

import { $, live } from './api.js';
import * as resources from './resources.js';
import * as consoleLogs from './console.js';
import * as structured from './structured.js';
import * as traces from './traces.js';
import * as trace from './trace.js';
import * as metrics from './metrics.js';
import * as pipeline from './pipeline.js';

const routes = [
  { pattern: /^\/(resources)?$/, section: 'resources', view: resources },
  { pattern: /^\/console(?:\/([^/]+))?$/, section: 'console', view: consoleLogs },
  { pattern: /^\/structured$/, section: 'structured', view: structured },
  { pattern: /^\/traces$/, section: 'traces', view: traces },
  { pattern: /^\/traces\/([0-9a-f]+)$/, section: 'traces', view: trace },
  { pattern: /^\/metrics$/, section: 'metrics', view: metrics },
  { pattern: /^\/pipeline$/, section: 'pipeline', view: pipeline },
];

// Every view reads resource snapshots from one shared stream.
const listeners = new Set();
let snapshots = [];
export const resourcesFeed = {
  get current() { return snapshots; },
  subscribe(fn) { listeners.add(fn); fn(snapshots); return () => listeners.delete(fn); },
};

live('/api/resources/stream', data => {
  snapshots = data.resources;
  const healthy = snapshots.filter(r => r.health === 'Healthy').length;
  const health = $('#health');
  health.textContent = `${healthy} of ${snapshots.length} resources healthy`;
  health.className = 'health ' + (healthy === snapshots.length ? 'ok' : 'warn');
  for (const fn of listeners) fn(snapshots);
}, connected => { if (!connected) $('#health').textContent = 'reconnecting…'; });

let unmount = null;

function render() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const route = routes.find(r => r.pattern.test(path));
  unmount?.();
  unmount = null;
  const view = $('#view');
  view.innerHTML = '';
  view.className = '';
  for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('active', link.dataset.section === route?.section);
  if (!route) {
    view.innerHTML = '<p class="muted pad">No such page.</p>';
    return;
  }
  view.dataset.page = route.section;
  const match = path.match(route.pattern);
  unmount = route.view.mount(view, match.slice(1).map(m => m && decodeURIComponent(m)), new URLSearchParams(location.search));
}

export function navigate(url) {
  history.pushState(null, '', url);
  render();
}

document.addEventListener('click', event => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', render);
render();
