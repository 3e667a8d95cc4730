// Search view: the forgiving search. A part of a title or a small typo finds the title ("did you
// mean"); results come grouped by episode and language, each release with the title and magnet
// Torznab gives Sonarr, and a Grab button that queues it in the chosen category through the jobs API.

import { api, post } from './api.js';
import { h, bytes, copyButton, empty } from './dom.js';

const CATEGORY = { 2000: 'Movies', 5000: 'TV', 5070: 'TV/Anime' };
const results = () => document.getElementById('search-results');
const category = () => document.getElementById('search-category');
let categoriesLoaded = false;

export function init() {
  document.getElementById('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    search(document.getElementById('search-q').value.trim());
  });
}

export async function show() {
  document.getElementById('search-q').focus();
  if (categoriesLoaded) return;
  try {
    const connect = await api('/ui/api/connect');
    category().replaceChildren(...connect.grab_categories.map((c) => h('option', { value: c }, c)));
    categoriesLoaded = true;
  } catch {
    category().replaceChildren(h('option', { value: 'tv-sonarr' }, 'tv-sonarr'));
  }
}

export function hide() {}

async function search(q) {
  if (!q) return;
  document.getElementById('search-q').value = q;
  results().replaceChildren(h('p', { class: 'muted' }, `Searching for “${q}”…`));
  try {
    render(await api(`/ui/api/search?q=${encodeURIComponent(q)}`));
  } catch (err) {
    results().replaceChildren(h('p', { class: 'error' }, `Search failed: ${err.message}`));
  }
}

function suggestionLinks(names) {
  return names.flatMap((name, i) => [i > 0 ? ', ' : null,
    h('a', { href: '#search', class: 'suggestion', onclick: (e) => { e.preventDefault(); search(name); } }, name)]);
}

function render(answer) {
  const parts = [];
  if (answer.did_you_mean) {
    parts.push(h('p', { class: 'did-you-mean' }, 'Nothing is called “', answer.query, '”. Showing ',
      h('strong', {}, answer.did_you_mean), ' — did you mean that?'));
  }
  if (answer.groups.length === 0) {
    parts.push(empty(`Kanal has nothing for “${answer.query}”. Sonarr gets an empty answer too.`));
    if (answer.suggestions.length > 0) {
      parts.push(h('p', { class: 'suggestions' }, 'Did you mean ', ...suggestionLinks(answer.suggestions), '?'));
    }
    results().replaceChildren(...parts);
    return;
  }
  const works = answer.works.map((w) => `${w.title}${w.year ? ` (${w.year})` : ''} on ${w.site}`).join(' · ');
  parts.push(h('p', { class: 'muted' }, `${answer.releases} release${answer.releases === 1 ? '' : 's'} · ${works}`
    + (answer.truncated ? ' · showing the first ones; add S01 or S01E05 to narrow it' : '')));
  if (answer.suggestions.length > 0) {
    parts.push(h('p', { class: 'suggestions muted' }, 'Also: ', ...suggestionLinks(answer.suggestions)));
  }
  parts.push(...answer.groups.map(group));
  results().replaceChildren(...parts);
}

function group(g) {
  return h('section', { class: 'card episode', dataset: { episode: g.label } },
    h('h3', {}, g.label, g.episode_title ? h('span', { class: 'muted' }, ` · ${g.episode_title}`) : null),
    ...g.languages.map((l) => h('div', { class: 'language', dataset: { language: l.language } },
      h('h4', {}, l.language),
      h('div', { class: 'table-wrap' }, h('table', { class: 'releases' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Release'), h('th', {}, 'Site'), h('th', {}, 'Category'),
          h('th', { class: 'num' }, 'Size'), h('th', {}, ''))),
        h('tbody', {}, ...l.offers.map(offer)))))));
}

function offer(o) {
  return h('tr', {},
    h('td', { class: 'title' }, o.title),
    h('td', {}, o.site),
    h('td', {}, o.categories.map((c) => CATEGORY[c] ? `${CATEGORY[c]} (${c})` : c).join(', ')),
    h('td', { class: 'num' }, o.size > 0 ? `~${bytes(o.size)}` : 'unknown'),
    h('td', { class: 'actions' }, grabButton(o), copyButton(o.magnet, 'Copy magnet')));
}

function grabButton(o) {
  return h('button', {
    type: 'button', class: 'grab', dataset: { action: 'grab' },
    onclick: async (e) => {
      const button = e.target;
      const into = category().value;
      button.disabled = true;
      button.closest('td').querySelector('.grab-result')?.remove();
      try {
        const job = await post('/ui/api/jobs', { magnet: o.magnet, category: into });
        button.textContent = 'Queued';
        button.after(h('span', { class: 'grab-result muted small' }, ` job ${job.id} in ${into || 'no category'}`));
      } catch (err) {
        button.disabled = false;
        button.after(h('span', { class: 'grab-result error small' }, ` ${err.message}`));
      }
    },
  }, 'Grab');
}
