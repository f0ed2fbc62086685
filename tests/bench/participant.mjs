// Benchmark: the participant's page (/live/{code}) on a slow phone. Starts `briques
// serve` on loopback, creates a session with the Duplo survey, then opens the page in
// headless Chromium at 360 px with the network emulated (10 Mbit/s down and up, 40 ms
// latency), the cache disabled and the CPU slowed ×1, ×4 and ×6, five times each, and
// reports the medians of:
//   - the time from the navigation's start to the first question's buttons painted
//     (Element Timing of the buttons, marked as soon as they are in the page);
//   - first contentful paint, and that of a page of one paragraph (the floor of this
//     machine and browser under the same conditions);
//   - the bytes transferred (the encoded sizes Chromium received, headers included, as
//     the server compressed them) up to that moment, and what they were.
// Then the same files fetched with `Accept-Encoding: gzip` only, for the gzip figure.
// Not a test: it reports figures and asserts nothing about time.
//
//   node tests/bench/participant.mjs [runs=5]   (BRIQUES_BIN: the server binary)

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { startServer, launchBrowser } from '../e2e/helpers.mjs';

const RUNS = Number(process.argv[2] || 5);
const RATES = [1, 4, 6];
const NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

// The participant's page needs nothing from the app's bundle; the server only wants an
// index.html to start.
const assets = mkdtempSync(join(tmpdir(), 'briques-bench-assets-'));
mkdirSync(assets, { recursive: true });
writeFileSync(join(assets, 'index.html'), '<!doctype html><title>Briques</title>');
// The floor: a page of one paragraph, no style sheet, no script, under the same conditions.
writeFileSync(join(assets, 'blank.html'), '<!doctype html><html lang="fr"><meta charset="utf-8">'
  + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Briques</title><p>Bonjour</p>');

const choice = (id, label, colour) => ({ id, label, colour });
const SURVEY = {
  title: 'Les données en Duplo',
  questions: [
    { id: 'repas', label: 'Fromage ou dessert ?', role: 'opinion', choices: [choice('fromage', 'Fromage', 'yellow'), choice('dessert', 'Dessert', 'reddish-purple')] },
    { id: 'gout', label: 'Sucré ou salé ?', role: 'opinion', choices: [choice('sucre', 'Sucré', 'orange'), choice('sale', 'Salé', 'sky-blue')] },
    { id: 'genre', label: 'Genre', role: 'quasi-identifier', choices: [choice('femme', 'Femme', 'vermillion'), choice('homme', 'Homme', 'blue'), choice('autre', 'Autre', 'grey')] },
    { id: 'commune', label: 'Habitez-vous la commune ?', role: 'quasi-identifier', choices: [choice('oui', 'Oui', 'bluish-green'), choice('non', 'Non', 'grey')] },
  ],
};

// In the page, before anything runs: when the first question's buttons are painted.
// The buttons get an `elementtiming` attribute as soon as they are parsed or drawn
// (before any frame), so that Element Timing reports the frame that painted them; the
// next animation frame after they appear is the fallback where Element Timing is missing.
function watchFirstQuestion() {
  window.__question = 0;
  window.__frame = 0;
  const mark = () => {
    const buttons = document.querySelectorAll('#screen .choice');
    if (!buttons.length) return false;
    buttons.forEach((b) => b.setAttribute('elementtiming', 'choice'));
    if (!window.__frame) requestAnimationFrame((t) => { window.__frame = t; });
    return true;
  };
  new MutationObserver(() => { mark(); }).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const time = entry.renderTime || entry.loadTime;
        if (entry.identifier === 'choice' && time && (!window.__question || time < window.__question)) window.__question = time;
      }
    }).observe({ type: 'element', buffered: true });
  } catch (error) {
    // No Element Timing: the frame is the measure.
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function run(browser, base, path, rate) {
  const context = await browser.newContext({
    locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  });
  await context.addInitScript(watchFirstQuestion);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId) || { bytes: 0 };
    requests.set(e.requestId, Object.assign(r, {
      url: new URL(e.response.url).pathname,
      encoding: (e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || 'identity'),
    }));
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId) || { bytes: 0 };
    r.streamed = (r.streamed || 0) + e.encodedDataLength;
    requests.set(e.requestId, r);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId) || { bytes: 0 };
    r.bytes = e.encodedDataLength;
    r.finished = true;
    requests.set(e.requestId, r);
  });
  await page.goto(`${base}${path}`, { waitUntil: 'commit' });
  const question = path.startsWith('/live/')
    ? await page.waitForFunction(() => window.__frame > 0 && (window.__question || window.__frame), null, { polling: 50, timeout: 30000 })
      .then(() => page.waitForFunction(() => window.__question > 0, null, { polling: 50, timeout: 2000 }).catch(() => null))
      .then(() => page.evaluate(() => window.__question || window.__frame))
    : NaN;
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { polling: 50, timeout: 30000 });
  const fcp = await page.evaluate(() => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0];
    return entry ? entry.startTime : NaN;
  });
  // Everything received up to the first question (a stream still open counts what it
  // received).
  const files = [...requests.values()].filter((r) => r.url).map((r) => ({
    url: r.url, encoding: r.encoding, bytes: r.finished ? r.bytes : (r.streamed || 0),
  }));
  await context.close();
  return { question, fcp, files };
}

const server = await startServer({ assets });
const browser = await launchBrowser();
try {
  const created = await fetch(`${server.base}/api/live/sessions`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ survey: SURVEY }),
  }).then((r) => r.json());
  const code = created.code;
  // Each load joins as a new participant: the server allows 30 from one address at
  // once, then one every 10 s, so a few dozen loads stay within it.
  const rows = [];
  let files = [];
  for (const rate of RATES) {
    const runs = [];
    const floor = [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(await run(browser, server.base, `/live/${code}`, rate));
      floor.push(await run(browser, server.base, '/blank.html', rate));
    }
    files = runs[0].files;
    const bytes = runs.map((r) => r.files.reduce((sum, f) => sum + f.bytes, 0));
    rows.push({
      cpu: `×${rate}`,
      'first question (ms)': Math.round(median(runs.map((r) => r.question))),
      'FCP (ms)': Math.round(median(runs.map((r) => r.fcp))),
      'blank page FCP (ms)': Math.round(median(floor.map((r) => r.fcp))),
      'transferred (bytes)': median(bytes),
      requests: runs[0].files.length,
    });
  }
  console.log(`Participant page, 360 px, 10 Mbit/s, 40 ms, cache disabled, median of ${RUNS} runs:`);
  console.table(rows);
  console.log('What one load received before the first question (encoded bytes, headers included):');
  console.table(files);

  // The same files with gzip only (what a browser without brotli receives).
  const html = await fetch(`${server.base}/live/${code}`).then((r) => r.text());
  const sized = [];
  const raw = async (path) => {
    return new Promise((resolve, reject) => {
      const req = request(`${server.base}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'] || 'identity';
          const decoded = encoding === 'gzip' ? gunzipSync(body).length : body.length;
          resolve({ path, encoding, 'gzip bytes': body.length, 'decoded bytes': decoded });
        });
      });
      req.on('error', reject);
      req.end();
    });
  };
  const paths = [`/live/${code}`, ...[...html.matchAll(/(?:href|src)="(\/participant\.[^"]+)"/g)].map((m) => m[1])];
  for (const path of paths) sized.push(await raw(path));
  console.log('The page and its files with Accept-Encoding: gzip (bodies only):');
  console.table(sized);
  console.log(`gzip total: ${sized.reduce((s, f) => s + f['gzip bytes'], 0)} bytes`);
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
  rmSync(assets, { recursive: true, force: true });
}
