// Small SVG line and bar charts for the Health view's "last 24 hours": no library, one <svg> each.

const NS = 'http://www.w3.org/2000/svg';
const W = 280;
const H = 60;

function svg(tag, attrs) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

// series: [{ name, values: [number|null] }]; max: the top of the scale (null = the largest value)
export function lines(series, { max = null, unit = '' } = {}) {
  const all = series.flatMap((s) => s.values).filter((v) => v != null);
  const top = max ?? Math.max(1, ...all);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
  series.forEach((s, i) => {
    const n = s.values.length;
    const pts = s.values.map((v, x) => (v == null ? null
      : `${n <= 1 ? W : (x / (n - 1)) * W},${H - 2 - (v / top) * (H - 4)}`)).filter(Boolean);
    if (pts.length === 0) return;
    const line = svg('polyline', { points: pts.join(' '), class: `series s${i % 6}`, fill: 'none' });
    const title = svg('title', {});
    title.textContent = `${s.name}: ${fmt(s.values.filter((v) => v != null).at(-1))}${unit}`;
    line.append(title);
    root.append(line);
  });
  return root;
}

export function bars(values, { unit = '' } = {}) {
  const top = Math.max(1, ...values);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
  const w = W / Math.max(1, values.length);
  values.forEach((v, i) => {
    const bh = (v / top) * (H - 4);
    const rect = svg('rect', { x: i * w, y: H - bh, width: Math.max(1, w - 1), height: bh, class: 'col' });
    const title = svg('title', {});
    title.textContent = `${v}${unit}`;
    rect.append(title);
    root.append(rect);
  });
  return root;
}

function fmt(v) {
  return v == null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(2);
}
