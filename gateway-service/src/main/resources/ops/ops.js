// The HKGAI ops page: polls GET /ops/api/status every 5 s with the admin key from this tab's sessionStorage.
// Plain DOM code, no framework, no build step; every value is written with textContent (never as HTML).
'use strict';

(function () {
  const STORAGE_KEY = 'hkgai.ops.key';
  const REFRESH_MS = 5000;
  let timer = null;
  let inFlight = false;

  const $ = (id) => document.getElementById(id);

  function storedKey() {
    try { return sessionStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }

  function setKey(key) {
    try {
      if (key) sessionStorage.setItem(STORAGE_KEY, key); else sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) { /* storage disabled: the key lives only until the page is left */ }
  }

  let memoryKey = null;
  const currentKey = () => storedKey() || memoryKey;

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined || text === '' ? '–' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function fillTable(tableId, items, build) {
    const body = $(tableId).querySelector('tbody');
    const rows = items.map((item) => {
      const tr = document.createElement('tr');
      build(tr, item);
      return tr;
    });
    body.replaceChildren(...rows);
    if (rows.length === 0) {
      const tr = document.createElement('tr');
      const td = cell(tr, 'none yet', 'muted');
      td.colSpan = $(tableId).querySelectorAll('thead th').length;
      body.appendChild(tr);
    }
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return null;
    if (seconds < 120) return seconds + ' s';
    if (seconds < 7200) return Math.round(seconds / 60) + ' min';
    if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
    return Math.round(seconds / 86400) + ' d';
  }

  function render(s) {
    fillTable('services', s.services || [], (tr, svc) => {
      tr.dataset.service = svc.name;
      cell(tr, svc.name);
      const status = cell(tr, svc.status, 'status status-' + svc.status);
      status.dataset.status = svc.status;
      cell(tr, svc.detail);
      cell(tr, svc.source);
      cell(tr, svc.grpc);
      cell(tr, svc.latency_ms);
    });

    const rate = s.request_rate || {};
    const perSecond = Number(rate.per_second);
    $('request-rate').textContent = Number.isFinite(perSecond) ? perSecond.toFixed(2) : '–';
    $('request-detail').textContent = `over the last ${Math.round(rate.window_seconds || 0)} s · ` +
      `${rate.requests_total ?? 0} requests since start · 5xx ${Number(rate.errors_per_second || 0).toFixed(2)}/s ` +
      `(${rate.server_errors_total ?? 0} total) · rate-limited ${rate.rate_limited_total ?? 0} · chats in flight ${rate.chats_in_flight ?? 0}`;

    const models = s.models || {};
    const list = $('models');
    const items = (models.data || []).map((m) => {
      const li = document.createElement('li');
      li.dataset.backend = m.backend;
      li.textContent = `${m.id} · ${m.backend} (${m.kind})`;
      return li;
    });
    list.replaceChildren(...items);
    $('models-note').textContent = models.error
      ? models.error
      : `"${models.default_alias}" in a request means the worker's default chat model.`;

    fillTable('safety', s.safety_actions || [], (tr, a) => {
      cell(tr, a.category);
      cell(tr, a.action);
      cell(tr, a.stage);
      cell(tr, a.count);
    });

    fillTable('feeds', s.feeds || [], (tr, f) => {
      tr.dataset.feed = f.id;
      cell(tr, f.id);
      cell(tr, f.source);
      cell(tr, f.healthy ? 'yes' : 'no', 'status status-' + (f.healthy ? 'UP' : 'DOWN'));
      cell(tr, f.circuit);
      cell(tr, duration(f.lag_seconds));
      cell(tr, f.newest_item_at ? `${f.newest_item_at} (${duration(f.newest_item_age_seconds)} ago)` : null);
      cell(tr, f.last_error ? `${f.consecutive_failures}: ${f.last_error}` : f.consecutive_failures);
    });

    $('dashboard').hidden = false;
    $('updated').textContent = 'Updated ' + new Date(s.generated_at || Date.now()).toLocaleTimeString();
  }

  async function poll() {
    const key = currentKey();
    if (!key || inFlight) return;
    inFlight = true;
    try {
      const response = await fetch('/ops/api/status', {
        headers: { Authorization: 'Bearer ' + key, Accept: 'application/json' },
        cache: 'no-store',
        credentials: 'omit',
      });
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      if (!response.ok) {
        const err = body && body.error ? body.error : {};
        const message = `${response.status}: ${err.message || response.statusText}` + (err.code ? ` (${err.code})` : '');
        if (response.status === 401 || response.status === 403) {
          // A wrong key or one without the admin scope: forget it and stop asking.
          stop();
          setKey(null);
          memoryKey = null;
          $('dashboard').hidden = true;
          $('updated').textContent = '';
        }
        showError(message);
        return;
      }
      showError('');
      render(body);
    } catch (e) {
      showError('The gateway did not answer: ' + e.message);
    } finally {
      inFlight = false;
    }
  }

  function start() {
    stop();
    poll();
    timer = setInterval(poll, REFRESH_MS);
  }

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  function connect() {
    const input = $('api-key');
    const key = input.value.trim();
    input.value = '';
    if (!key) {
      showError('Enter an API key with the admin scope.');
      return;
    }
    memoryKey = key;
    setKey(key);
    showError('');
    start();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('connect').addEventListener('click', connect);
    $('api-key').addEventListener('keydown', (e) => { if (e.key === 'Enter') connect(); });
    $('forget').addEventListener('click', () => {
      stop();
      setKey(null);
      memoryKey = null;
      $('dashboard').hidden = true;
      $('updated').textContent = '';
      showError('');
    });
    if (currentKey()) start();
  });
})();
