// Small helpers for building the page with the DOM API (never innerHTML with data) and for
// formatting numbers the way people read them.

/** Creates an element: h('td', {class: 'x', onclick: fn}, 'text', child, ...). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A progress bar; fraction 0..1, or null for an indeterminate one. */
export function bar(fraction, state = '') {
  const fill = h('div', { class: 'fill' });
  const el = h('div', { class: `bar ${state}`, role: 'progressbar' }, fill);
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) {
    el.classList.add('indeterminate');
  } else {
    const pct = Math.max(0, Math.min(100, fraction * 100));
    fill.style.width = `${pct.toFixed(1)}%`;
    el.setAttribute('aria-valuenow', pct.toFixed(0));
    el.setAttribute('aria-valuemin', '0');
    el.setAttribute('aria-valuemax', '100');
  }
  return el;
}

export function badge(text, kind = text) {
  return h('span', { class: `badge ${String(kind).toLowerCase().replace(/[^a-z_]/g, '')}` }, text);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function bytes(n) {
  if (!n || n < 0) return '–';
  let i = 0;
  while (n >= 1024 && i < UNITS.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(n >= 100 || i === 0 ? 0 : 1)} ${UNITS[i]}`;
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined || seconds < 0 || !Number.isFinite(seconds)) return '–';
  seconds = Math.round(seconds);
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60), s = seconds % 60;
  if (m < 60) return `${m}m ${String(s).padStart(2, '0')}s`;
  const hours = Math.floor(m / 60);
  if (hours < 48) return `${hours}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export function count(n) {
  return n === null || n === undefined ? '–' : Number(n).toLocaleString();
}

/** "3 minutes ago" for a timestamp, with the exact time as tooltip. */
export function when(iso) {
  if (!iso) return h('span', { class: 'muted' }, 'never');
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return h('span', {}, String(iso));
  const ago = (Date.now() - t.getTime()) / 1000;
  const text = ago < 0 ? `in ${duration(-ago)}` : ago < 5 ? 'just now' : `${duration(ago)} ago`;
  return h('time', { datetime: t.toISOString(), title: t.toLocaleString() }, text);
}

/** A button that copies text to the clipboard (with a fallback for plain-HTTP pages). */
export function copyButton(text, label = 'Copy') {
  const button = h('button', { type: 'button', class: 'copy', title: 'Copy to clipboard' }, label);
  button.addEventListener('click', async () => {
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch { /* fall back below */ }
    if (!ok) {
      const area = h('textarea', { readonly: true, class: 'offscreen' });
      area.value = text;
      document.body.append(area);
      area.select();
      try { ok = document.execCommand('copy'); } catch { ok = false; }
      area.remove();
    }
    button.textContent = ok ? 'Copied' : 'Select & copy';
    button.classList.toggle('done', ok);
    setTimeout(() => { button.textContent = label; button.classList.remove('done'); }, 1500);
  });
  return button;
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}
