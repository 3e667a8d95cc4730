// Calls to Kanal's page API (/ui/api/*). The session cookie goes along by itself; a 401 means the
// session ended, and the page shows the login form again.

let onLoggedOut = () => {};

export function whenLoggedOut(fn) { onLoggedOut = fn; }

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
    ...options,
  });
  if (response.status === 401 && !path.startsWith('/ui/login')) onLoggedOut();
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    const message = (body && (body.detail || body.title)) || `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

export const post = (path, body) => api(path, { method: 'POST', body: body ? JSON.stringify(body) : undefined });
