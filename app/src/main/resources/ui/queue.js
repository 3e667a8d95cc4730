// Queue view: every job with its title, site, language, hoster, state, a live progress bar, speed
// and ETA; failed jobs list each hoster tried and why. Live through the jobs event stream (SSE),
// which stays open for the whole session so the queue is current whenever it is opened.

import { api, post } from './api.js';
import { h, bar, badge, bytes, duration, when, empty } from './dom.js';

const jobs = new Map();
const cards = new Map(); // job id -> [job object the card was drawn from, card element]
let source = null;
const list = () => document.getElementById('queue-list');
const live = () => document.getElementById('queue-live');

let retry = null;

export function start() {
  if (source) return;
  source = new EventSource('/ui/api/jobs/events');
  source.addEventListener('open', () => { setLive('live', 'live'); load(); });
  source.addEventListener('error', () => {
    setLive('reconnecting…', 'down');
    // The browser retries a dropped stream by itself, but gives up after an error status
    // (e.g. 401 once the session ended): ask whether we are still logged in, then start over.
    if (source && source.readyState === EventSource.CLOSED && !retry) {
      retry = setTimeout(async () => {
        retry = null;
        try {
          await api('/ui/api/session');
          stop();
          start();
        } catch { /* logged out: the login form is shown */ }
      }, 3000);
    }
  });
  for (const type of ['state', 'progress']) {
    source.addEventListener(type, (e) => { const job = JSON.parse(e.data); jobs.set(job.id, job); render(); });
  }
  source.addEventListener('removed', (e) => { jobs.delete(JSON.parse(e.data).id); render(); });
}

export function stop() {
  clearTimeout(retry);
  retry = null;
  if (source) source.close();
  source = null;
  jobs.clear();
  cards.clear();
}

export function show() { render(); }
export function hide() {}

function setLive(text, kind) {
  live().textContent = text;
  live().className = `live ${kind}`;
}

async function load() {
  try {
    const all = await api('/ui/api/jobs');
    jobs.clear();
    for (const job of all) jobs.set(job.id, job);
    cards.clear();
    render();
  } catch (e) {
    list().replaceChildren(h('p', { class: 'error' }, `Could not load the queue: ${e.message}`));
  }
}

function render() {
  const items = [...jobs.values()].sort((a, b) => rank(a) - rank(b) || b.id - a.id);
  if (items.length === 0) {
    list().replaceChildren(empty('Nothing in the queue. Jobs appear here when Sonarr or Radarr grabs a release from Kanal.'));
    return;
  }
  const shown = items.map((job) => {
    const drawn = cards.get(job.id);
    if (drawn && drawn[0] === job) return drawn[1];
    const card = row(job);
    cards.set(job.id, [job, card]);
    return card;
  });
  for (const id of cards.keys()) if (!jobs.has(id)) cards.delete(id);
  list().replaceChildren(...shown);
}

const ORDER = { running: 0, queued: 1, failed: 2, cancelled: 3, completed: 4 };
const rank = (job) => ORDER[job.state] ?? 5;

function row(job) {
  const episode = job.season === 0 && job.episode === 0 ? 'movie'
    : `S${String(job.season).padStart(2, '0')}E${String(job.episode).padStart(2, '0')}`;
  const state = job.stopped && job.state === 'queued' ? 'paused' : job.state;
  const facts = [h('span', {}, job.site), h('span', {}, episode), h('span', {}, job.language)];
  if (job.mode === 'strm') facts.push(h('span', {}, '.strm'));
  if (job.current_hoster) facts.push(h('span', { class: 'hoster' }, `via ${job.current_hoster}`));
  const progress = [];
  if (job.state === 'running' || job.state === 'queued') {
    progress.push(bar(job.state === 'running' && job.total_bytes <= 0 ? null : job.progress, job.state));
    const numbers = [`${(job.progress * 100).toFixed(1)}%`];
    if (job.total_bytes > 0) numbers.push(`${bytes(job.downloaded_bytes)} of ${bytes(job.total_bytes)}`);
    if (job.speed > 0) numbers.push(`${bytes(job.speed)}/s`);
    if (job.eta >= 0 && job.state === 'running') numbers.push(`ETA ${duration(job.eta)}`);
    if (job.next_attempt_at) numbers.push(h('span', {}, 'retry ', when(job.next_attempt_at)));
    progress.push(h('div', { class: 'facts' }, ...numbers.map((n) => h('span', {}, n))));
  } else if (job.state === 'completed') {
    progress.push(bar(1, 'completed'));
    progress.push(h('div', { class: 'facts' }, job.total_bytes > 0 ? h('span', {}, bytes(job.total_bytes)) : null,
      h('span', {}, 'finished ', when(job.updated_at))));
  }
  return h('article', { class: `card job ${job.state}`, dataset: { id: job.id, state: job.state } },
    h('div', { class: 'job-head' }, h('strong', { class: 'name' }, job.name), badge(state)),
    h('div', { class: 'facts meta' }, ...facts),
    ...progress,
    job.error && job.state !== 'completed'
      ? h('p', { class: job.state === 'cancelled' ? 'muted small' : 'error small' }, job.error) : null,
    attempts(job),
    actions(job));
}

function attempts(job) {
  if (!job.attempts || job.attempts.length === 0) return null;
  return h('details', { class: 'attempts', open: job.state === 'failed' },
    h('summary', {}, `${job.attempts.length} hoster attempt${job.attempts.length === 1 ? '' : 's'}`),
    h('ul', {}, ...job.attempts.map((a) => h('li', {}, h('strong', {}, a.hoster || '?'), ': ', a.error || 'failed',
      ' ', h('span', { class: 'muted' }, '(', when(a.at), ')')))));
}

function actions(job) {
  const buttons = [];
  if (job.state === 'failed' || job.state === 'cancelled') buttons.push(action(job, 'retry', 'Retry'));
  if (job.state === 'queued' || job.state === 'running') buttons.push(action(job, 'cancel', 'Cancel'));
  buttons.push(action(job, 'remove', 'Remove', 'quiet'));
  return h('div', { class: 'actions' }, ...buttons);
}

function action(job, verb, label, kind = '') {
  return h('button', {
    type: 'button', class: kind, dataset: { action: verb },
    onclick: async (e) => {
      e.target.disabled = true;
      try {
        const result = await post(`/ui/api/jobs/${job.id}/${verb}`);
        if (verb === 'remove') jobs.delete(job.id); else jobs.set(result.id, result);
        render();
      } catch (err) {
        e.target.disabled = false;
        const bar = e.target.closest('.actions');
        bar.querySelector('.error')?.remove();
        bar.prepend(h('span', { class: 'error small' }, `${label} failed: ${err.message}`));
      }
    },
  }, label);
}
