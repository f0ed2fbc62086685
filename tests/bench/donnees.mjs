// Benchmark (issue 7): a ≈50 MB, 500,000-row CSV (Windows-1252, `;`, decimal commas,
// mixed types) opened on the Données page in headless Chromium, against DuckDB-Wasm
// loading the same file and computing the same summary, in the same run; then the
// native `briques csv profile` with /usr/bin/time -v. Not a test: it prints figures.
//
// Measured:
// - Briques: in the page, from the file input's change event to the mutation that puts
//   the summary, the profile cards and the suggested chart in the document (DuckDB's run
//   is timed the same way, from its input's change event to its summary); the page is
//   reloaded first so nothing is warm.
// - DuckDB-Wasm (from tests/bench/duckdb/node_modules, served on 127.0.0.1, nothing from
//   a CDN): instantiation (downloading and compiling its wasm) separately, then from the
//   same file input to the summary: CREATE TABLE from read_csv (latin-1, `;`, `,`
//   decimals), and per column its type, missing and exact distinct counts, min / max /
//   mean / median of numbers, range of dates, top 5 of text.
// - Peak memory: the largest sum of the resident set sizes of every Chromium process
//   (browser, renderer, GPU, utility), sampled every 20 ms during each run, each engine in
//   a fresh browser; and the page's own heap (`performance.memory`, JS only) for info.
//
// Run after scripts/build-app, `cargo build --release -p briques` and
// `npm ci --prefix tests/bench/duckdb`:
//   node tests/bench/donnees.mjs [file.csv]   (generated with gen-donnees.mjs if absent)

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, statSync, createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForHeading } from '../e2e/helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const file = process.argv[2] || '/tmp/briques-bench-donnees.csv';
const nativeBin = process.env.BRIQUES_RELEASE_BIN
  || join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'release', 'briques');

if (!existsSync(file)) {
  execFileSync('node', [join(here, 'gen-donnees.mjs'), file], { stdio: 'inherit' });
}
const megabytes = (statSync(file).size / 1e6).toFixed(1);

/** Every descendant of `pid` (Chromium's helper processes), from /proc. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* the process ended */ }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) || []));
  return all;
}

function rssBytes(pids) {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (match) total += Number(match[1]) * 1024;
    } catch { /* the process ended */ }
  }
  return total;
}

/** Chromium's processes: everything this script started except itself and the server. */
function chromiumPids(exclude = []) {
  return descendants(process.pid).filter((pid) => pid !== process.pid && !exclude.includes(pid));
}

/** Samples Chromium's total RSS until stopped; resolves with the peak. */
function samplePeak(exclude) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, rssBytes(chromiumPids(exclude)));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return peak;
  })();
  return { stop: async () => { running = false; return loop; } };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function briques() {
  const server = await startServer();
  const browser = await launchBrowser();
  const { page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${server.base}/donnees`);
    await waitForHeading(page, 'Lire et construire un graphique');
    await page.reload();
    await waitForHeading(page, 'Lire et construire un graphique');
    const exclude = [server.process.pid];
    const before = rssBytes(chromiumPids(exclude));
    const sampler = samplePeak(exclude);
    // Timed in the page, as DuckDB's run is: from the input's change event to the
    // mutation that puts the summary, the profile cards and the chart in the document.
    await page.evaluate(() => {
      const mark = {};
      window.benchMark = mark;
      document.addEventListener('change', () => { mark.start ??= performance.now(); }, { capture: true });
      const done = () => document.querySelector('#data-summary') && document.querySelector('.data-card')
        && document.querySelector('#data-chart svg');
      new MutationObserver((_, observer) => {
        if (done()) {
          mark.end = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    const outerStart = await page.evaluate(() => performance.now());
    await page.setInputFiles('#data-file', file);
    await page.waitForFunction(() => window.benchMark.end, null, { timeout: 600_000, polling: 50 });
    const outer = await page.evaluate(() => performance.now()) - outerStart;
    const { start, end } = await page.evaluate(() => window.benchMark);
    const peak = await sampler.stop();
    const summary = await page.locator('#data-summary').textContent();
    const cards = await page.locator('.data-card').count();
    const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize || 0);
    const chart = await page.locator('#data-chart svg').count();
    return { ms: end - start, outer, peak, before, summary, cards, heap, chart, errors };
  } finally {
    await browser.close();
    await server.stop();
    server.cleanup();
  }
}

/** A static server for the DuckDB page and its node_modules, loopback only. */
function staticServer(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = createServer((request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const DUCKDB_PAGE = `<!doctype html><html lang="en"><title>DuckDB-Wasm bench</title><link rel="icon" href="data:,">
<script type="importmap">{"imports": {
  "apache-arrow": "/node_modules/apache-arrow/Arrow.dom.mjs",
  "flatbuffers": "/node_modules/flatbuffers/mjs/flatbuffers.js",
  "tslib": "/node_modules/tslib/tslib.es6.mjs"
}}</script>
<input id="file" type="file">
<script type="module">
import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';
const dist = location.origin + '/node_modules/@duckdb/duckdb-wasm/dist/';
const bundles = {
  mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: dist + 'duckdb-browser-mvp.worker.js' },
  eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: dist + 'duckdb-browser-eh.worker.js' },
};
const t0 = performance.now();
const bundle = await duckdb.selectBundle(bundles);
const worker = new Worker(bundle.mainWorker);
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
await db.instantiate(bundle.mainModule);
const conn = await db.connect();
window.instantiateMs = performance.now() - t0;
window.ready = true;
document.getElementById('file').addEventListener('change', (event) => summarise(event).catch((e) => { window.result = { error: String(e) }; }));
async function summarise(event) {
  const start = performance.now();
  const f = event.target.files[0];
  await db.registerFileHandle('data.csv', f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  await conn.query("CREATE TABLE t AS SELECT * FROM read_csv('data.csv', delim=';', decimal_separator=',', encoding='latin-1', header=true, dateformat='%d/%m/%Y', nullstr=['', 'NA'])");
  const columns = (await conn.query('DESCRIBE t')).toArray().map((r) => ({ name: r.column_name, type: r.column_type }));
  const summary = [];
  for (const c of columns) {
    const q = '"' + c.name.replaceAll('"', '""') + '"';
    const base = (await conn.query('SELECT count(*) - count(' + q + ') AS missing, count(DISTINCT ' + q + ') AS distinct FROM t')).toArray()[0];
    const item = { name: c.name, type: c.type, missing: Number(base.missing), distinct: Number(base.distinct) };
    if (/INT|DOUBLE|DECIMAL|FLOAT|BIGINT/.test(c.type)) {
      const s = (await conn.query('SELECT min(' + q + ')::DOUBLE AS lo, max(' + q + ')::DOUBLE AS hi, avg(' + q + ')::DOUBLE AS mean, median(' + q + ')::DOUBLE AS med FROM t')).toArray()[0];
      Object.assign(item, { min: s.lo, max: s.hi, mean: s.mean, median: s.med });
    } else if (/DATE|TIMESTAMP/.test(c.type)) {
      const s = (await conn.query('SELECT min(' + q + ')::VARCHAR AS lo, max(' + q + ')::VARCHAR AS hi FROM t')).toArray()[0];
      Object.assign(item, { first: s.lo, last: s.hi });
    } else {
      item.top = (await conn.query('SELECT ' + q + ' AS v, count(*) AS n FROM t WHERE ' + q + ' IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5')).toArray().map((r) => [r.v, Number(r.n)]);
    }
    summary.push(item);
  }
  const rows = Number((await conn.query('SELECT count(*) AS n FROM t')).toArray()[0].n);
  window.result = { ms: performance.now() - start, rows, summary };
}
</script></html>`;

async function duck() {
  const dir = join(here, 'duckdb');
  if (!existsSync(join(dir, 'node_modules', '@duckdb', 'duckdb-wasm'))) {
    throw new Error('npm ci --prefix tests/bench/duckdb first');
  }
  writeFileSync(join(dir, 'bench.html'), DUCKDB_PAGE);
  const server = await staticServer(dir);
  const browser = await launchBrowser();
  const { page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/bench.html`);
    await page.waitForFunction(() => window.ready === true, null, { timeout: 600_000 });
    const instantiateMs = await page.evaluate(() => window.instantiateMs);
    const before = rssBytes(chromiumPids());
    const sampler = samplePeak([]);
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => window.result, null, { timeout: 600_000, polling: 100 });
    const peak = await sampler.stop();
    const result = await page.evaluate(() => window.result);
    if (result.error) throw new Error(`DuckDB-Wasm: ${result.error}`);
    const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize || 0);
    return { instantiateMs, ...result, peak, before, heap, errors };
  } finally {
    await browser.close();
    server.close();
  }
}

function native() {
  if (!existsSync(nativeBin)) return null;
  const run = spawnSync('/usr/bin/time', ['-v', nativeBin, 'csv', 'profile', file, '--json'], {
    env: { ...process.env, LANG: 'fr_FR.UTF-8' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const stderr = run.stderr.toString();
  const wall = stderr.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/)?.[1];
  const rss = Number(stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1] || 0) * 1024;
  const json = JSON.parse(run.stdout.toString());
  return { wall, rss, rows: json.rows, columns: json.columns.length, types: json.columns.map((c) => `${c.name}:${c.type}`).join(' ') };
}

console.log(`File: ${file} (${megabytes} MB)`);
const b = await briques();
console.log(`Briques (Chromium, wasm): profile + suggested chart in ${(b.ms / 1000).toFixed(2)} s `
  + `(${(b.outer / 1000).toFixed(2)} s as seen by the test driver, with its round trips and polling); `
  + `peak Chromium RSS ${mb(b.peak)} (before the file: ${mb(b.before)}); JS heap ${mb(b.heap)}; `
  + `${b.cards} columns; "${b.summary}"; chart drawn: ${b.chart > 0}; page errors: ${b.errors.length}`);
const d = await duck();
console.log(`DuckDB-Wasm: instantiation ${(d.instantiateMs / 1000).toFixed(2)} s; load + summary in ${(d.ms / 1000).toFixed(2)} s; `
  + `peak Chromium RSS ${mb(d.peak)} (before the file: ${mb(d.before)}); JS heap ${mb(d.heap)}; ${d.rows} rows; `
  + `types ${d.summary.map((c) => `${c.name}:${c.type}`).join(' ')}; page errors: ${d.errors.length ? d.errors.join(' / ') : 0}`);
const n = native();
if (n) {
  console.log(`Native briques csv profile: ${n.wall} wall, max RSS ${mb(n.rss)}; ${n.rows} rows; ${n.types}`);
} else {
  console.log(`Native: ${nativeBin} not found (cargo build --release -p briques)`);
}
