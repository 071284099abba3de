// The gateway's ops page (/ops) in headless Chromium, driven by playwright-core (no browser download: Debian's
// chromium). Run by OpsPageIT against the mesh it started: HKGAI_GATEWAY_URL (no /v1), HKGAI_ADMIN_KEY (the dev key,
// every scope), HKGAI_NON_ADMIN_KEY (chat and search only), HKGAI_SCREENSHOT (where to write the screenshot),
// optionally CHROMIUM_PATH (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.HKGAI_GATEWAY_URL;
const adminKey = process.env.HKGAI_ADMIN_KEY;
const nonAdminKey = process.env.HKGAI_NON_ADMIN_KEY;
const screenshot = process.env.HKGAI_SCREENSHOT;
assert.ok(base && adminKey && nonAdminKey && screenshot,
  'HKGAI_GATEWAY_URL, HKGAI_ADMIN_KEY, HKGAI_NON_ADMIN_KEY and HKGAI_SCREENSHOT must be set');

const SERVICES = ['gateway', 'safety', 'retrieval', 'inference', 'ingest', 'kafka', 'opensearch'];
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

/** A fresh tab (its own sessionStorage) that records script errors and console errors (CSP violations among them). */
async function openOps() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  const response = await page.goto(`${base}/ops`);
  assert.equal(response.status(), 200);
  return { context, page, problems };
}

async function serviceRows(page) {
  return page.$$eval('#services tbody tr[data-service]', (trs) => trs.map((tr) => ({
    name: tr.dataset.service,
    status: tr.querySelector('td[data-status]')?.dataset.status,
    detail: tr.children[2]?.textContent,
  })));
}

test('an admin sees every part of the mesh UP, the model backend, a request rate and the feeds', async () => {
  const { context, page, problems } = await openOps();
  try {
    await page.fill('#api-key', adminKey);
    await page.click('#connect');
    await page.waitForSelector('#services tbody tr[data-service]', { timeout: 15_000 });
    // Give a part that is still settling (a consumer joining its group) a few refreshes to report UP.
    await page.waitForFunction((n) => {
      const cells = [...document.querySelectorAll('#services td[data-status]')];
      return cells.length === n && cells.every((c) => c.dataset.status === 'UP');
    }, SERVICES.length, { timeout: 30_000, polling: 500 }).catch(() => {});

    const rows = await serviceRows(page);
    assert.deepEqual(rows.map((r) => r.name), SERVICES);
    for (const row of rows) assert.equal(row.status, 'UP', `${row.name}: ${row.detail}`);

    const backends = await page.$$eval('#models li', (lis) => lis.map((li) => li.dataset.backend));
    assert.ok(backends.includes('extractive'), `model backends shown: ${backends}`);
    assert.match(await page.textContent('#models'), /hkgai-extractive-v1 · extractive \(chat\)/);

    const rate = (await page.textContent('#request-rate')).trim();
    assert.match(rate, /^\d+\.\d\d$/, `request rate: "${rate}"`);
    assert.ok(Number.isFinite(Number(rate)));

    const feeds = await page.$$eval('#feeds tbody tr[data-feed]', (trs) => trs.map((tr) => tr.dataset.feed));
    assert.ok(feeds.length > 0, 'ingest feeds are listed');

    // The key is in this tab's sessionStorage only: not in the URL, not left in the input.
    assert.ok(!page.url().includes(adminKey), page.url());
    assert.equal(await page.inputValue('#api-key'), '');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('hkgai.ops.key')), adminKey);
    assert.equal(await page.isHidden('#error'), true);

    // It refreshes by itself (every 5 s).
    const first = await page.textContent('#updated');
    await page.waitForFunction((t) => document.getElementById('updated').textContent !== t, first, { timeout: 12_000 });

    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a key without the admin scope gets the API error on the page and no data', async () => {
  const { context, page, problems } = await openOps();
  try {
    await page.fill('#api-key', nonAdminKey);
    await page.press('#api-key', 'Enter');
    await page.waitForSelector('#error:not([hidden])', { timeout: 15_000 });
    const message = await page.textContent('#error');
    assert.match(message, /^403: /);
    assert.match(message, /'admin' scope/);
    assert.match(message, /insufficient_scope/);
    assert.equal(await page.isHidden('#dashboard'), true);
    assert.equal(await page.locator('#services tbody tr[data-service]').count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('hkgai.ops.key')), null, 'a refused key is forgotten');
    // The browser logs the 403 response itself as a console error; nothing else may fail.
    assert.deepEqual(problems.filter((p) => !/status of 403/.test(p)), []);
  } finally {
    await context.close();
  }
});
