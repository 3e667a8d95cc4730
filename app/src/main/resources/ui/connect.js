// Connect view: the exact values to paste into Prowlarr, Sonarr and Radarr, each with a copy button.

import { api } from './api.js';
import { h, copyButton } from './dom.js';
import { show as showArrs } from './arr.js';
import * as checklist from './connections.js';

let loaded = false;

export async function show() {
  showArrs();
  checklist.show();
  if (loaded) return;
  const root = document.getElementById('connect-values');
  root.className = 'connect-list';
  try {
    const v = await api('/ui/api/connect');
    root.replaceChildren(
      ...(v.public_url_warning ? [h('p', { class: 'warning', id: 'public-url-warning' }, v.public_url_warning)] : []),
      card('Prowlarr / Sonarr / Radarr: indexer', 'Add a “Torznab” (Prowlarr: “Generic Torznab”) indexer.', [
        ['URL', v.torznab_url],
        ['API Path', v.api_path],
        ['API Key', v.api_key, true],
        ['Categories (TV)', v.tv_categories.join(',')],
        ['Categories (Movies)', v.movie_categories.join(',')],
      ]),
      card('Sonarr: download client', 'Add a “qBittorrent” download client.', qbit(v, v.sonarr_category)),
      card('Radarr: download client', 'Add a “qBittorrent” download client.', qbit(v, v.radarr_category)));
    loaded = true;
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error' }, `Could not load the values: ${e.message}`));
  }
}

export function hide() {}

function qbit(v, category) {
  return [
    ['Host', v.qbit_host],
    ['Port', String(v.qbit_port)],
    ['Use SSL', v.qbit_ssl ? 'yes (tick it)' : 'no', false, false],
    ...(v.qbit_url_base ? [['URL Base', v.qbit_url_base]] : []),
    ['Username', v.qbit_username],
    ['Password', v.qbit_password, true],
    ['Category', category],
  ];
}

function card(title, hint, rows) {
  return h('article', { class: 'card connect' },
    h('h2', {}, title),
    h('p', { class: 'muted small' }, hint),
    h('dl', {}, ...rows.flatMap(([label, value, secret, copyable = true]) => [
      h('dt', {}, label),
      h('dd', { dataset: { field: label } },
        h('span', { class: 'value' }, value ? secretOrText(value, secret) : h('span', { class: 'muted' }, 'not set')),
        value && copyable ? copyButton(value) : null),
    ])));
}

function secretOrText(value, secret) {
  if (!secret) return h('code', {}, value);
  const code = h('code', { class: 'secret' }, '•'.repeat(12));
  const toggle = h('button', { type: 'button', class: 'quiet small' }, 'Show');
  toggle.addEventListener('click', () => {
    const hidden = code.classList.toggle('secret');
    code.textContent = hidden ? '•'.repeat(12) : value;
    toggle.textContent = hidden ? 'Show' : 'Hide';
  });
  return h('span', { class: 'secret-wrap' }, code, toggle);
}
