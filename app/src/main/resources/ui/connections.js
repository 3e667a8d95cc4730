// Connect view, checklist: what has actually connected (Prowlarr's last Torznab request, each
// client's last qBittorrent login) and the last refused attempt with its reason. Read fresh each time
// the view opens, from /ui/api/connections.

import { api } from './api.js';
import { h, badge, when } from './dom.js';

export async function show() {
  const root = document.getElementById('connect-checklist');
  if (!root) return;
  try {
    const c = await api('/ui/api/connections');
    root.replaceChildren(h('article', { class: 'card checklist' },
      h('h2', {}, 'What has connected'),
      h('ul', {},
        item(c.torznab, 'Prowlarr (or Sonarr/Radarr) searched the Torznab indexer',
          'No Torznab request yet: add the indexer in Prowlarr and press “Test”.'),
        ...(c.qbittorrent.length
          ? c.qbittorrent.map((s) => item(s, `${s.app} logged in to the qBittorrent API`, '', false))
          : [item(null, '', 'No qBittorrent login yet: add the download client in Sonarr/Radarr and press “Test”.')]),
        failure(c.last_failure, c.failures))));
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error' }, `Could not load the checklist: ${e.message}`));
  }
}

function item(seen, doneText, missingText, showApp = true) {
  if (!seen) return h('li', {}, badge('waiting', 'slow'), ' ', missingText);
  const from = showApp ? ` from ${seen.client} (${seen.app})` : ` from ${seen.client}`;
  return h('li', {}, badge('ok'), ' ', doneText, ' ', when(seen.at), h('span', { class: 'muted small' }, from));
}

function failure(last, total) {
  if (!last) return h('li', {}, badge('ok'), ' No refused login or API key since Kanal started.');
  return h('li', {}, badge('failed'), ` ${total} refused since start; last: ${last.surface} from ${last.client} (${last.app}) — ${last.reason} `,
    when(last.at));
}
