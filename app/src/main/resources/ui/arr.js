// Sonarr/Radarr connections (KANAL_ARR_*): which are configured, each with a Test button that asks the
// arr's /api/v3/system/status. A finally failed grab is handed back to them (removed and blocklisted).

import { api, post } from './api.js';
import { h } from './dom.js';

let loaded = false;

export async function show() {
  if (loaded) return;
  const root = document.getElementById('arr-connections');
  if (!root) return;
  try {
    const arrs = await api('/ui/api/arr');
    loaded = true;
    root.replaceChildren(h('article', { class: 'card connect' },
      h('h2', {}, 'Sonarr / Radarr: failed grabs'),
      h('p', { class: 'muted small' }, arrs.length
        ? 'A grab that finally fails is removed from the arr’s queue and blocklisted, so it searches another release at once.'
        : 'Not connected: failed grabs stay in Sonarr’s and Radarr’s queue as a warning. Set KANAL_ARR_SONARR_URL and KANAL_ARR_SONARR_API_KEY (Radarr: KANAL_ARR_RADARR_*) to hand them back.'),
      arrs.length ? h('dl', {}, ...arrs.flatMap(row)) : null));
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error' }, `Could not load the Sonarr/Radarr connections: ${e.message}`));
  }
}

function row(arr) {
  const result = h('span', { class: 'muted small' }, arr.api_key_set ? '' : 'no API key set');
  const button = h('button', { type: 'button', class: 'quiet small' }, 'Test');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.className = 'muted small';
    result.textContent = 'asking…';
    try {
      const r = await post(`/ui/api/arr/${arr.n}/test`);
      result.className = r.ok ? 'ok small' : 'error small';
      result.textContent = r.message;
    } catch (e) {
      result.className = 'error small';
      result.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  });
  return [
    h('dt', {}, arr.name),
    h('dd', { dataset: { field: arr.name } }, h('span', { class: 'value' }, h('code', {}, arr.url), result), button),
  ];
}
