// Where the Données import spends its time: a CPU profile (Chrome DevTools protocol)
// of opening the benchmark file on the Données page, printed as self time per function
// and as a 50 ms timeline of the busiest functions. For function names, build a bundle
// without wasm-opt (which drops the name section) and point the server at it:
//   BRIQUES_ASSETS=<that dist> node tests/bench/prof-donnees.mjs [file.csv]
// Not a test: it prints figures.
import { startServer, launchBrowser, openPage, waitForHeading } from '../e2e/helpers.mjs';
const file = process.argv[2] || '/tmp/briques-bench-donnees.csv';
const server = await startServer();
const browser = await launchBrowser();
const { page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
await page.goto(`${server.base}/donnees`);
await waitForHeading(page, 'Lire et construire un graphique');
await page.reload();
await waitForHeading(page, 'Lire et construire un graphique');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = await page.evaluate(() => performance.now());
await page.setInputFiles('#data-file', file);
await page.locator('#data-summary').waitFor({ timeout: 600_000 });
await page.locator('.data-card').first().waitFor();
const t1 = await page.evaluate(() => performance.now());
const { profile } = await cdp.send('Profiler.stop');
console.log('total ms', (t1 - t0).toFixed(0));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
const counts = new Map();
profile.samples.forEach((id, i) => { counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)); total += dt[i] || 0; });
for (const [id, us] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) || 0) + us);
}
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([n, us]) => console.log((us / 1000).toFixed(1).padStart(8), n.slice(0, 140)));
await browser.close(); await server.stop(); server.cleanup();
// Timeline: the three busiest functions of each 50 ms.
{
  let t = 0; const buckets = [];
  profile.samples.forEach((id, i) => {
    t += dt[i] || 0; const b = Math.floor(t / 50000);
    buckets[b] ||= new Map(); const n = byId.get(id);
    const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
    buckets[b].set(name, (buckets[b].get(name) || 0) + (dt[i] || 0));
  });
  buckets.forEach((m, b) => { if (!m) return; const top = [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([n, us]) => `${n.replace(/::h[0-9a-f]{16}/, '').slice(-50)}=${(us/1000).toFixed(0)}`).join(' | '); console.log(String(b * 50).padStart(6), top); });
}
