// Search view: runs the search Sonarr would run and shows Torznab's items as a table, so "Kanal
// does not have it" can be told apart from "Sonarr did not ask right".

import { api } from './api.js';
import { h, bytes, copyButton, empty } from './dom.js';

const CATEGORY = { 2000: 'Movies', 5000: 'TV', 5070: 'TV/Anime' };
const results = () => document.getElementById('search-results');

export function init() {
  document.getElementById('search-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = document.getElementById('search-q').value.trim();
    if (!q) return;
    results().replaceChildren(h('p', { class: 'muted' }, `Searching for “${q}”…`));
    try {
      const answer = await api(`/ui/api/search?q=${encodeURIComponent(q)}`);
      render(answer);
    } catch (err) {
      results().replaceChildren(h('p', { class: 'error' }, `Search failed: ${err.message}`));
    }
  });
}

export function show() { document.getElementById('search-q').focus(); }
export function hide() {}

function render(answer) {
  const rows = answer.releases;
  if (rows.length === 0) {
    results().replaceChildren(empty(`Kanal has nothing for “${answer.query}”. Sonarr gets an empty answer too.`));
    return;
  }
  results().replaceChildren(
    h('p', { class: 'muted' }, `${rows.length} release${rows.length === 1 ? '' : 's'} for “${answer.query}”`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'releases' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Title'), h('th', {}, 'Category'), h('th', { class: 'num' }, 'Size'),
        h('th', {}, 'Language'), h('th', {}, 'Magnet'))),
      h('tbody', {}, ...rows.map((r) => h('tr', {},
        h('td', { class: 'title' }, r.title),
        h('td', {}, r.categories.map((c) => CATEGORY[c] ? `${CATEGORY[c]} (${c})` : c).join(', ')),
        h('td', { class: 'num' }, r.size > 0 ? bytes(r.size) : 'unknown'),
        h('td', {}, r.language || '–'),
        h('td', {}, r.magnet ? copyButton(r.magnet, 'Copy magnet') : '–')))))));
}
