// The pipeline at a glance: throughput per stage and dead letters (from Kafka offsets), a live chart of anomaly
// scores with the threshold and the latest anomalies (from the scored records), detection quality (the scorer's
// API), consumer lag per partition, and the generator's controls (inject a burst, change the rate).

import { esc, live, fmt, postJson } from './api.js';
import { TimeChart, legend } from './chart.js';

const KINDS = [
  ['latency_spike', 'Latency spike'],
  ['error_burst', '5xx burst'],
  ['path_scan', 'Path scan'],
  ['unusual_ip', 'Unusual client'],
];
const STAGES = [
  ['generated', 'Generator', 'in logs.raw'],
  ['scored', 'Scorer', 'scored (committed)'],
  ['stored', 'Writer', 'stored (committed)'],
];
const STAGE_COLORS = { generated: '#38bdf8', scored: '#a78bfa', stored: '#34d399' };

export function mount(view, health) {
  view.innerHTML = `
    <div class="pipeline">
      <section class="card banner" id="kafka-error" hidden></section>
      <section class="stages" id="stages">
        ${STAGES.map(([id, name, what], i) => `
          ${i ? '<div class="arrow">→</div>' : ''}
          <div class="stage card" id="stage-${id}" style="--c:${STAGE_COLORS[id]}">
            <div class="stage-name">${name}</div>
            <div class="big"><span class="rate">–</span><small>/s</small></div>
            <div class="muted small"><span class="total">–</span> ${what}</div>
          </div>`).join('')}
        <div class="stage card dlq" id="stage-dlq">
          <div class="stage-name">Dead letters</div>
          <div class="big" id="dead-letters">–</div>
          <div class="muted small">in logs.dlq</div>
        </div>
      </section>
      <section class="card scores">
        <div class="card-head">
          <h2>Anomaly scores</h2>
          <span class="muted small">max and mean per <span id="bucket">500 ms</span>, flagged logs as dots, the threshold in force dashed</span>
          <span class="counts">
            <span>scored <b id="scored-window">–</b></span>
            <span>flagged <b id="flagged-window">–</b></span>
            <span>threshold <b id="threshold">–</b></span>
          </span>
        </div>
        <canvas id="score-chart" class="chart tall" data-points="0" data-flagged="0"></canvas>
        <div id="score-legend" class="legend"></div>
      </section>
      <section class="card quality">
        <h2>Detection quality</h2>
        <p class="muted small">the scorer's verdicts against the generator's labels</p>
        <div class="metrics-row">
          <div><div class="big" id="precision">–</div><div class="muted small">precision</div></div>
          <div><div class="big" id="recall">–</div><div class="muted small">recall</div></div>
        </div>
        <table class="grid compact"><tbody id="confusion"></tbody></table>
        <table class="grid compact" id="by-kind">
          <thead><tr><th>kind</th><th>injected</th><th>flagged</th><th>recall</th></tr></thead><tbody></tbody>
        </table>
      </section>
      <section class="card throughput">
        <div class="card-head"><h2>Throughput</h2><span class="muted small">records per second, from Kafka offsets</span></div>
        <canvas id="throughput-chart" class="chart"></canvas>
        <div id="throughput-legend" class="legend"></div>
      </section>
      <section class="card controls">
        <h2>Generator</h2>
        <p class="muted small" id="generator-status">–</p>
        <div class="row">
          <label>count <input id="burst-count" type="number" min="1" max="10000" value="200"></label>
          ${KINDS.map(([kind, label]) => `<button class="burst" data-burst="${kind}">${label}</button>`).join('')}
        </div>
        <div class="row">
          <label>rate <input id="rate" type="number" min="0" max="10000" step="1" placeholder="logs/s"></label>
          <button id="set-rate">set rate</button>
          <button id="pause-generator">pause</button>
        </div>
        <p id="control-result" class="muted small" role="status"></p>
        <table class="grid compact" id="injected">
          <thead><tr><th>kind</th><th>produced</th><th>pending</th></tr></thead><tbody></tbody>
        </table>
      </section>
      <section class="card anomalies">
        <div class="card-head"><h2>Latest anomalies</h2><span class="muted small">flagged records on logs.scored</span></div>
        <table class="grid compact" id="anomalies">
          <thead><tr><th>time</th><th>log id</th><th>score</th><th>why</th><th>injected as</th><th>trace</th></tr></thead><tbody></tbody>
        </table>
      </section>
      <section class="card deadletters">
        <div class="card-head"><h2>Dead letters</h2><span class="muted small">logs.dlq by stage and reason; re-drive with the Query API (POST /api/deadletters/redrive)</span></div>
        <div class="row">
          <label>stage <input id="dlq-stage" maxlength="64" placeholder="scorer, writer…"></label>
          <label>reason contains <input id="dlq-reason" maxlength="256"></label>
          <button id="dlq-refresh">show</button>
        </div>
        <p id="dlq-status" class="muted small" role="status"></p>
        <table class="grid compact" id="dlq-groups">
          <thead><tr><th>stage</th><th>reason</th><th>count</th></tr></thead><tbody></tbody>
        </table>
        <table class="grid compact" id="dlq-items">
          <thead><tr><th>id</th><th>stage</th><th>reason</th><th>payload</th></tr></thead><tbody></tbody>
        </table>
      </section>
      <section class="card lag">
        <div class="card-head"><h2>Consumer lag</h2><span class="muted small">messages behind (high watermark − committed), per consumer group and partition</span></div>
        <div id="lag"></div>
      </section>
    </div>`;

  const $ = id => view.querySelector('#' + id);

  // Dead letters are data: every field goes through esc(), payloads are shown as text in <code>, never as markup.
  async function showDeadLetters() {
    const query = new URLSearchParams();
    if ($('dlq-stage').value.trim()) query.set('stage', $('dlq-stage').value.trim());
    if ($('dlq-reason').value.trim()) query.set('reason', $('dlq-reason').value.trim());
    const response = await fetch('/api/pipeline/deadletters?' + query);
    const data = await response.json();
    if (!response.ok) { $('dlq-status').textContent = data.title ?? 'error'; return; }
    $('dlq-status').textContent = `${fmt.num(data.total)} dead letters${data.complete ? '' : ' (first ones read)'}`;
    $('dlq-groups').tBodies[0].innerHTML = data.groups.map(g =>
      `<tr><td>${esc(g.stage)}</td><td>${esc(g.reason)}</td><td>${fmt.num(g.count)}</td></tr>`).join('');
    $('dlq-items').tBodies[0].innerHTML = data.items.map(d =>
      `<tr><td>${esc(d.id)}</td><td>${esc(d.stage)}</td><td>${esc(d.reason)}</td>` +
      `<td><code>${esc(d.payloadEncoding === 'base64' ? 'base64:' + d.payload : d.payload)}${d.payloadCut ? '…' : ''}</code></td></tr>`).join('');
  }
  $('dlq-refresh').addEventListener('click', () => showDeadLetters().catch(e => { $('dlq-status').textContent = e.message; }));
  showDeadLetters().catch(() => {});
  const scoreChart = new TimeChart($('score-chart'), { yMin: 0 });
  const throughputChart = new TimeChart($('throughput-chart'), { yMin: 0 });
  let state = null;

  const close = live('/api/pipeline/stream', data => { state = data; draw(data); }, connected => {
    if (!health) return;
    health.textContent = connected ? 'live' : 'reconnecting…';
    health.className = 'health ' + (connected ? 'ok' : 'warn');
  });

  function draw(s) {
    const banner = $('kafka-error');
    banner.hidden = !s.kafkaError;
    banner.textContent = s.kafkaError ? `Kafka did not answer: ${s.kafkaError}` : '';
    for (const stage of s.stages) {
      const card = $('stage-' + stage.stage);
      if (!card) continue;
      card.querySelector('.rate').textContent = fmt.num(stage.ratePerSecond, 1);
      card.querySelector('.total').textContent = fmt.num(stage.total);
      card.dataset.total = stage.total;
    }
    $('dead-letters').textContent = fmt.num(s.deadLettered);
    $('stage-dlq').classList.toggle('alarm', s.deadLettered > 0);

    // Charts span the data received (at least a minute), up to the window the server keeps.
    const first = Math.min(s.scores.time[0] ?? s.timeMs, ...s.stages.map(stage => stage.history[0]?.[0] ?? s.timeMs));
    const from = Math.max(s.scores.fromMs, Math.min(first, s.timeMs - 60000));
    drawScores(s, from);
    drawQuality(s.quality);
    drawGenerator(s.generator);
    drawThroughput(s, from);
    drawLag(s.lag);
    drawAnomalies(s);
  }

  function drawScores(s, from) {
    const sc = s.scores;
    const col = (values) => sc.time.map((t, i) => [t, values[i]]);
    const flaggedPoints = sc.time.flatMap((t, i) => sc.flagged[i] > 0 ? [[t, sc.max[i]]] : []);
    let threshold = null;
    const thresholdPoints = sc.time.flatMap((t, i) => (threshold = sc.threshold[i] ?? threshold) === null ? [] : [[t, threshold]]);
    const series = [
      { label: 'max score', color: '#f472b6', points: col(sc.max), width: 1.2 },
      { label: 'mean score', color: '#38bdf8', points: col(sc.mean), width: 1.8, fill: true },
      { label: 'threshold', color: '#fbbf24', points: thresholdPoints, dash: [6, 4], step: true, width: 1.5 },
      { label: 'flagged', color: '#ef4444', points: flaggedPoints, dots: true, radius: 3.5 },
    ];
    scoreChart.draw({ from, to: s.timeMs, series, lines: s.threshold !== null && thresholdPoints.length === 0 ? [{ value: s.threshold, color: '#fbbf24', label: 'threshold' }] : [] });
    $('score-legend').innerHTML = legend(series);
    const scored = sc.count.reduce((a, b) => a + b, 0);
    const flagged = sc.flagged.reduce((a, b) => a + b, 0);
    const canvas = $('score-chart');
    canvas.dataset.points = sc.time.length;
    canvas.dataset.scored = scored;
    canvas.dataset.flagged = flagged;
    canvas.dataset.scoredTotal = s.scoresSeen;
    canvas.dataset.flaggedTotal = s.flaggedSeen;
    canvas.dataset.max = sc.max.length ? Math.max(...sc.max) : 0;
    $('scored-window').textContent = fmt.num(scored);
    $('flagged-window').textContent = fmt.num(flagged);
    $('threshold').textContent = s.threshold === null ? '–' : `${s.threshold.toFixed(3)}${s.thresholdMode ? ' (' + s.thresholdMode + ')' : ''}`;
    $('bucket').textContent = sc.bucketMilliseconds >= 1000 ? `${sc.bucketMilliseconds / 1000} s` : `${sc.bucketMilliseconds} ms`;
  }

  function drawQuality(q) {
    if (!q) return;
    $('precision').textContent = fmt.pct(q.precision);
    $('recall').textContent = fmt.pct(q.recall);
    $('confusion').innerHTML = `
      <tr><th>true positives</th><td class="num">${fmt.num(q.truePositives)}</td><th>false positives</th><td class="num">${fmt.num(q.falsePositives)}</td></tr>
      <tr><th>false negatives</th><td class="num">${fmt.num(q.falseNegatives)}</td><th>true negatives</th><td class="num">${fmt.num(q.trueNegatives)}</td></tr>`;
    $('by-kind').querySelector('tbody').innerHTML = Object.entries(q.byKind ?? {}).sort().map(([kind, k]) =>
      `<tr data-kind="${esc(kind)}" data-flagged="${k.flagged}"><td>${esc(kind)}</td><td class="num">${fmt.num(k.injected)}</td><td class="num">${fmt.num(k.flagged)}</td><td class="num">${fmt.pct(k.recall)}</td></tr>`).join('')
      || '<tr><td colspan="4" class="muted">no labelled anomalies scored yet</td></tr>';
  }

  function drawGenerator(g) {
    if (!g) return;
    $('generator-status').textContent = g.paused ? 'paused' : `${fmt.num(g.ratePerSecond, 1)} logs/s of normal traffic · ${fmt.num(g.producedTotal)} produced`;
    $('pause-generator').textContent = g.paused ? 'resume' : 'pause';
    const rate = $('rate');
    if (document.activeElement !== rate && !rate.value) rate.placeholder = `${g.ratePerSecond} logs/s`;
    $('injected').querySelector('tbody').innerHTML = Object.entries(g.produced ?? {}).map(([kind, n]) =>
      `<tr id="injected-${esc(kind)}" data-produced="${n}"><td>${esc(kind)}</td><td class="num produced">${fmt.num(n)}</td><td class="num">${fmt.num(g.pendingBursts?.[kind] ?? 0)}</td></tr>`).join('');
  }

  function drawThroughput(s, from) {
    const series = s.stages.map(stage => ({
      label: STAGES.find(x => x[0] === stage.stage)?.[1] ?? stage.stage,
      color: STAGE_COLORS[stage.stage] ?? '#94a3b8',
      points: stage.history,
    }));
    throughputChart.draw({ from, to: s.timeMs, series });
    $('throughput-legend').innerHTML = legend(series);
  }

  function drawLag(lag) {
    // One row per consumer group and topic: the total, and a bar per partition (hover for its lag).
    const groups = new Map();
    for (const l of lag) {
      const key = `${l.group} · ${l.topic}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(l);
    }
    const most = Math.max(1, ...lag.map(l => l.lag));
    $('lag').innerHTML = [...groups].map(([key, partitions]) => `
      <div class="lag-group" data-group="${esc(partitions[0].group)}">
        <div class="lag-title"><span>${esc(key)}</span><b class="lag-total">${fmt.num(partitions.reduce((a, p) => a + p.lag, 0))}</b></div>
        <div class="lag-bars">${partitions.map(p => `
          <div class="lag-bar${p.lag > 1000 ? ' hot' : ''}" title="partition ${esc(p.partition)}: ${fmt.num(p.lag)} behind">
            <i style="height:${Math.max(2, (p.lag / most) * 100)}%"></i><span>${esc(p.partition)}</span></div>`).join('')}
        </div>
      </div>`).join('') || '<p class="muted">no partitions yet</p>';
  }

  function drawAnomalies(s) {
    $('anomalies').querySelector('tbody').innerHTML = s.anomalies.map(a => `
      <tr><td class="mono nowrap">${fmt.clock(a.timeMs)}</td>
        <td class="mono">${esc(a.logId)}</td>
        <td class="num">${a.score.toFixed(3)}</td>
        <td class="why small">${a.explanation ? esc(a.explanation) : '<span class="muted">–</span>'}</td>
        <td>${a.injectedKind ? `<span class="tag">${esc(a.injectedKind)}</span>` : '<span class="muted">normal traffic</span>'}</td>
        <td class="mono" title="${esc(a.traceId ?? '')}">${a.traceId ? esc(a.traceId.slice(0, 8)) : '–'}</td></tr>`).join('')
      || '<tr><td colspan="6" class="muted">no anomalies flagged yet</td></tr>';
  }

  const report = (text, ok) => { const el = $('control-result'); el.textContent = text; el.className = 'small ' + (ok ? 'ok' : 'bad'); };

  view.querySelectorAll('button[data-burst]').forEach(button => button.addEventListener('click', async () => {
    const count = Number($('burst-count').value) || 200;
    const result = await postJson('/api/pipeline/burst', { kind: button.dataset.burst, count });
    report(result.ok ? `injecting ${count} × ${button.dataset.burst} (${result.data.pending} pending)` : `burst failed: ${result.data?.detail ?? result.status}`, result.ok);
  }));
  const setRate = async perSecond => {
    const result = await postJson('/api/pipeline/rate', { perSecond });
    report(result.ok ? `rate ${result.data.previous} → ${result.data.perSecond} logs/s` : `rate failed: ${result.data?.detail ?? result.status}`, result.ok);
  };
  $('set-rate').addEventListener('click', () => { if ($('rate').value !== '') setRate(Number($('rate').value)); });
  $('pause-generator').addEventListener('click', () => setRate(state?.generator?.paused ? (Number($('rate').value) || 20) : 0));

  return () => { close(); scoreChart.dispose(); throughputChart.dispose(); };
}
