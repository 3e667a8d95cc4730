// Kanal's page: the login form, then one view at a time (chosen by the URL's #fragment).

import { api, post, whenLoggedOut } from './api.js';
import * as queue from './queue.js';
import * as catalog from './catalog.js';
import * as health from './health.js';
import * as search from './search.js';
import * as connect from './connect.js';

const VIEWS = { queue, catalog, health, search, connect };
const $ = (id) => document.getElementById(id);
let current = null;

function showLogin() {
  if (current) VIEWS[current].hide();
  current = null;
  queue.stop();
  for (const name of Object.keys(VIEWS)) $(`view-${name}`).hidden = true;
  $('nav').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('login-form').elements.username.focus();
}

function showApp() {
  $('login').hidden = true;
  $('nav').hidden = false;
  $('logout').hidden = false;
  queue.start();
  route();
}

function route() {
  if (!$('login').hidden) return;
  const name = (location.hash || '#queue').slice(1);
  const next = VIEWS[name] ? name : 'queue';
  if (current === next) return;
  if (current) {
    VIEWS[current].hide();
    $(`view-${current}`).hidden = true;
  }
  current = next;
  $(`view-${next}`).hidden = false;
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.view === next);
    if (link.dataset.view === next) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  document.title = `Kanal · ${next[0].toUpperCase()}${next.slice(1)}`;
  VIEWS[next].show();
}

async function login(e) {
  e.preventDefault();
  const form = e.target;
  const error = $('login-error');
  error.hidden = true;
  const apikey = form.elements.apikey.value.trim();
  const body = apikey ? { apikey } : { username: form.elements.username.value, password: form.elements.password.value };
  try {
    await post('/ui/login', body);
    form.reset();
    showApp();
  } catch (err) {
    error.textContent = err.message;
    error.hidden = false;
  }
}

async function logout() {
  try { await post('/ui/logout'); } finally { showLogin(); }
}

async function boot() {
  whenLoggedOut(showLogin);
  search.init();
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  window.addEventListener('hashchange', route);
  try {
    await api('/ui/api/session');
    showApp();
  } catch {
    showLogin();
  }
}

boot();
