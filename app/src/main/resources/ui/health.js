// Health view: each site and hoster with its state, recent success rate and latency; the download
// folder's free space; .strm files that no longer play. Refreshed every five seconds while open.

import { api, post } from './api.js';
import { h, bar, badge, bytes, count, when, empty } from './dom.js';
import { lines, bars } from './charts.js';

const STATE_TEXT = {
  ok: 'ok', slow: 'slow', failing: 'failing', blocked: 'anti-bot page', circuit_open: 'circuit open',
};
let timer = null;
let historyAt = 0;

export function show() {
  const retry = document.getElementById('health-retry');
  if (retry && !retry.dataset.wired) {
    retry.dataset.wired = '1';
    retry.addEventListener('click', async () => {
      retry.disabled = true;
      try {
        await post('/ui/api/health/retry');
        retry.textContent = 'Retrying…';
        setTimeout(() => { retry.textContent = 'Retry now'; retry.disabled = false; refresh(); }, 1500);
      } catch (e) {
        retry.textContent = `Retry failed: ${e.message}`;
        retry.disabled = false;
      }
    });
  }
  refresh();
  timer = setInterval(refresh, 5000);
}

export function hide() {
  clearInterval(timer);
  timer = null;
  historyAt = 0;
}

// the charts change every few minutes: read the history once a minute, apart from the rest
async function refreshHistory() {
  if (Date.now() - historyAt < 60000) return;
  historyAt = Date.now();
  try {
    document.getElementById('health-history').replaceChildren(...charts(await api('/health/history')));
  } catch (e) {
    document.getElementById('health-history').replaceChildren(empty(`No history: ${e.message}`));
  }
}

async function refresh() {
  refreshHistory();
  try {
    const health = await api('/ui/api/health');
    document.getElementById('health-hosts').replaceChildren(hosts(health.hosts));
    document.getElementById('health-disk').replaceChildren(disk(health.disk));
    document.getElementById('health-strm').replaceChildren(strm(health.strm));
  } catch (e) {
    document.getElementById('health-hosts').replaceChildren(h('p', { class: 'error' }, `Could not read health: ${e.message}`));
  }
}

function hosts(section) {
  if (!section.available) return empty(section.reason);
  if (section.data.length === 0) return empty('No upstream host has been contacted yet.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'hosts' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Host'), h('th', {}, 'State'), h('th', { class: 'num' }, 'Success'),
      h('th', { class: 'num' }, 'Latency'), h('th', {}, 'Last success'), h('th', {}, 'Cause'))),
    h('tbody', {}, ...section.data.map((host) => h('tr', { dataset: { host: host.host } },
      h('td', {}, host.host),
      h('td', {}, badge(STATE_TEXT[host.state] || host.state, host.state)),
      h('td', { class: 'num' }, host.samples ? `${Math.round(host.success_rate * 100)}% of ${count(host.samples)}` : '–'),
      h('td', { class: 'num' }, host.samples ? `${count(host.latency_ms)} ms` : '–'),
      h('td', {}, when(host.last_success)),
      h('td', { class: 'small' }, cause(host)))))));
}

// Why the host is not healthy (DNS, refused, timeout, which challenge), and when an open circuit tries again.
function cause(host) {
  const text = host.cause || (host.state === 'ok' || host.state === 'slow' ? '' : host.last_error || '');
  if (!host.next_retry) return text;
  return h('span', {}, text ? `${text} · ` : '', 'next try ', when(host.next_retry));
}

function disk(d) {
  if (d.error) return h('p', { class: 'error' }, `${d.path}: ${d.error}`);
  const used = d.total_bytes > 0 ? 1 - d.free_bytes / d.total_bytes : 0;
  const low = d.free_bytes < 5 * 1024 ** 3;
  return h('div', { class: 'card disk' },
    h('div', { class: 'stage-head' }, h('code', {}, d.path), low ? badge('low space', 'failing') : badge('ok')),
    bar(used, low ? 'failed' : 'ready'),
    h('div', { class: 'facts' }, h('span', {}, `${bytes(d.free_bytes)} free`), h('span', {}, `of ${bytes(d.total_bytes)}`)));
}

function strm(section) {
  if (!section.available) return empty(section.reason);
  const s = section.data;
  const broken = s.broken || [];
  const head = h('div', { class: 'facts' },
    h('span', {}, `${count(s.files)} files`),
    h('span', {}, 'last check ', s.lastScan === 'never' ? 'never' : when(s.lastScan)),
    broken.length ? badge(`${broken.length} broken`, 'failing') : badge('all play', 'ok'));
  if (broken.length === 0) return h('div', {}, head);
  return h('div', {}, head, h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'File'), h('th', {}, 'Episode'), h('th', {}, 'Why'), h('th', {}, 'Checked'))),
    h('tbody', {}, ...broken.map((b) => h('tr', {},
      h('td', { class: 'small' }, h('code', {}, b.path)), h('td', {}, b.episode), h('td', {}, b.reason),
      h('td', {}, when(b.checkedAt))))))));
}

// the day's samples as four small charts: catalog progress per site, success rate and latency per
// host, and downloads completed per interval
function charts(history) {
  const points = history.points || [];
  if (points.length < 2) return [empty('Charts appear after the second sample (one every few minutes).')];
  const keys = (pick) => [...new Set(points.flatMap((p) => Object.keys(pick(p) || {})))];
  const sites = keys((p) => p.catalog);
  const hostNames = keys((p) => p.hosts);
  const card = (title, chart, legend) => h('article', { class: 'card chart-card' }, h('h3', {}, title), chart,
    h('div', { class: 'legend small muted' }, ...legend.map((name, i) => h('span', { class: `s${i % 6}` }, name))));
  const minutes = Math.round(history.interval_seconds / 60);
  return [
    card('Catalog progress', lines(sites.map((site) => ({ name: site,
      values: points.map((p) => { const c = p.catalog[site]; return c && c.total ? (100 * c.done) / c.total : null; }) })),
    { max: 100, unit: '%' }), sites),
    card('Host success rate', lines(hostNames.map((host) => ({ name: host,
      values: points.map((p) => (p.hosts[host] && p.hosts[host].samples ? 100 * p.hosts[host].success : null)) })),
    { max: 100, unit: '%' }), hostNames),
    card('Host latency', lines(hostNames.map((host) => ({ name: host,
      values: points.map((p) => (p.hosts[host] && p.hosts[host].samples ? p.hosts[host].latency_ms : null)) })),
    { unit: ' ms' }), hostNames),
    card(`Downloads completed per ${minutes} min`, bars(points.map((p) => p.completed)), []),
  ];
}
