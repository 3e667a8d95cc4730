// Catalog view: per site and stage, a progress bar with counts, rate and ETA while the catalog is
// being built; the last refresh and last error once it is ready. Refreshed every two seconds while
// the view is open.

import { api } from './api.js';
import { h, bar, badge, count, duration, when, empty } from './dom.js';

const STAGES = [
  ['titles', 'Titles', 'the site\'s list of every title'],
  ['details', 'Details', 'seasons, episodes and languages of each title'],
  ['mapping', 'Mapping', 'matching titles to TVDB/IMDb numbering'],
];
const SITE_NAMES = { aniworld: 'AniWorld', sto: 's.to', megakino: 'Megakino' };
// The site's condition (issue 14): each state has its own words, so "no internet" never reads as "still building".
const CONDITION_TEXT = {
  healthy: ['healthy', 'ok'], building: ['building', 'running'], unreachable: ['unreachable', 'failing'],
  blocked: ['blocked', 'blocked'], markup_changed: ['markup changed', 'failing'], failing: ['failing', 'failing'],
};

const root = () => document.getElementById('catalog-sites');
let timer = null;

export function show() {
  refresh();
  timer = setInterval(refresh, 2000);
}

export function hide() {
  clearInterval(timer);
  timer = null;
}

async function refresh() {
  try {
    const section = await api('/ui/api/catalog');
    render(section);
  } catch (e) {
    root().replaceChildren(h('p', { class: 'error' }, `Could not read the catalog status: ${e.message}`));
  }
}

function render(section) {
  const summary = document.getElementById('catalog-summary');
  if (!section.available) {
    summary.textContent = '';
    root().replaceChildren(empty(section.reason));
    return;
  }
  const status = section.data || {};
  const sites = status.sites || [];
  const broken = sites.filter((s) => ['unreachable', 'blocked', 'markup_changed', 'failing'].includes(s.condition));
  summary.replaceChildren(status.ready
    ? badge('ready', 'ok')
    : sites.length > 0 && broken.length === sites.length && !sites.some((s) => s.searchable)
      ? badge('no site reachable', 'failing')
      : badge('building', 'running'));
  if (sites.length === 0) {
    root().replaceChildren(empty('No site is enabled.'));
    return;
  }
  root().replaceChildren(...sites.map(site));
}

function site(s) {
  const stages = s.stages || {};
  return h('article', { class: 'card site', dataset: { site: s.site } },
    h('div', { class: 'stage-head' }, h('h2', {}, SITE_NAMES[s.site] || s.site),
      s.searchable === true ? badge('searchable', 'ok') : s.searchable === false ? badge('not searchable yet', 'pending') : null,
      s.condition && s.condition !== 'healthy' && CONDITION_TEXT[s.condition]
        ? badge(CONDITION_TEXT[s.condition][0], CONDITION_TEXT[s.condition][1]) : null),
    s.cause ? h('p', { class: 'error small', dataset: { condition: s.condition } }, s.cause) : null,
    s.hint ? h('p', { class: 'small muted' }, s.hint) : null,
    ...STAGES.filter(([key]) => stages[key]).map(([key, label, hint]) => stage(key, label, hint, stages[key])));
}

function stage(key, label, hint, st) {
  const state = st.state || 'pending';
  const total = st.total || 0;
  const done = st.done || 0;
  const fraction = state === 'ready' ? 1 : total > 0 ? done / total : state === 'running' ? null : 0;
  const barState = state === 'failed' ? 'failed' : state;
  const facts = [];
  if (state === 'running') {
    facts.push(h('span', { class: 'counts' }, `${count(done)} / ${total ? count(total) : '?'}`));
    if (st.rate) facts.push(h('span', {}, `${Number(st.rate).toFixed(st.rate < 10 ? 1 : 0)}/s`));
    if (st.eta_seconds !== null && st.eta_seconds !== undefined) facts.push(h('span', {}, `ETA ${duration(st.eta_seconds)}`));
  } else if (state === 'pending') {
    facts.push(h('span', {}, 'waiting for the stage before'));
  } else if (state === 'failed') {
    facts.push(h('span', { class: 'counts' }, `${count(done)} / ${total ? count(total) : '?'}`));
    facts.push(h('span', {}, 'last success ', when(st.last_success)));
  } else {
    facts.push(h('span', { class: 'counts' }, count(total || done)));
    facts.push(h('span', {}, 'refreshed ', when(st.last_success)));
  }
  return h('div', { class: 'stage', dataset: { stage: key, state } },
    h('div', { class: 'stage-head' }, h('strong', { title: hint }, label), badge(state)),
    bar(fraction, barState),
    h('div', { class: 'facts' }, ...facts),
    st.last_error ? h('p', { class: 'error small' }, `Last error: ${st.last_error}`) : null);
}
