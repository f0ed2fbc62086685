// Benchmark (ISSUE 3): with 1,000 responses on the Duplo page, how long does adding one
// participant take, from the key press to every visible view showing it? Median and
// p95 over 100 additions, in headless Chromium against the real `briques serve`.
// Not a test: it reports figures and asserts nothing about time.
//
// Run after scripts/build-app and `cargo build -p briques`:
//   node tests/bench/duplo.mjs [responses=1000] [additions=100]

import { startServer, launchBrowser, openPage, waitForHeading } from '../e2e/helpers.mjs';

const responses = Number(process.argv[2] || 1000);
const additions = Number(process.argv[3] || 100);

function session(n) {
  const choices = [['fromage', 'dessert'], ['sucre', 'sale'], ['femme', 'homme', 'autre'], ['oui', 'non']];
  const ids = ['fromage-dessert', 'sucre-sale', 'genre', 'commune'];
  let seed = 42;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  return Array.from({ length: n }, (_, i) => ({
    participant: i + 1,
    answers: Object.fromEntries(ids.map((q, j) => [q, choices[j][Math.floor(next() * choices[j].length)]])),
  }));
}

const server = await startServer();
const browser = await launchBrowser();
const { page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
try {
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, 'Les données en Duplo');
  // Seed the stored session with the default survey and n responses, then reload.
  await page.evaluate((rows) => {
    const stored = JSON.parse(localStorage.getItem('briques.duplo.session'));
    stored.responses = rows;
    localStorage.setItem('briques.duplo.session', JSON.stringify(stored));
  }, session(responses));
  await page.reload();
  await page.locator('#participant-count', { hasText: String(responses) }).waitFor();

  const timings = await page.evaluate(async (count) => {
    const panel = document.querySelector('.entry-keys');
    const press = (key) => panel.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    const towersTotal = () => [...document.querySelectorAll('#duplo-tours .tower-count')].reduce((s, t) => s + Number(t.textContent), 0);
    const newestRow = () => document.querySelector('.responses-table tbody th')?.textContent;
    const progressionTotal = () => document.querySelector('.progression-list li:last-child')?.textContent;
    // Hand control back to the browser (a task, not a delay) so it can render.
    const yieldTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve())).then(yieldTask);
    const results = [];
    for (let i = 0; i < count; i += 1) {
      const before = Number(document.querySelector('#participant-count').textContent);
      const towersBefore = towersTotal();
      // The first three answers go into the draft untimed; the timed step is the
      // last answer and Enter, which adds the participant and redraws every view.
      for (const key of ['1', String(1 + (i % 2)), String(1 + (i % 3))]) press(key);
      await frame();
      const start = performance.now();
      press(String(1 + (i % 2)));
      press('Enter');
      const done = () => Number(document.querySelector('#participant-count').textContent) === before + 1
        && towersTotal() === towersBefore + 1
        && newestRow() === String(before + 1)
        && (progressionTotal() || '').includes(`/ ${before + 1}`);
      while (!done()) {
        if (performance.now() - start > 5000) throw new Error('views did not update');
        await yieldTask();
      }
      const updated = performance.now();
      await frame();
      results.push({ update: updated - start, frame: performance.now() - start });
    }
    return results;
  }, additions);

  const stat = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return { median: Number(at(0.5).toFixed(2)), p95: Number(at(0.95).toFixed(2)), max: Number(sorted.at(-1).toFixed(2)) };
  };
  const report = {
    responses,
    additions,
    update_ms: stat(timings.map((t) => t.update)),
    until_next_frame_ms: stat(timings.map((t) => t.frame)),
    console_errors: errors.length,
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
