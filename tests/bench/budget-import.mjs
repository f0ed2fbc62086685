// Benchmark (issue 6): importing a one-commune compte administratif of about 2,000
// lines in the browser and drawing the first view. Time from the file chosen (the
// input's change event, in the page) to the treemap drawn (the next animation frame
// after the page reports the import), median of 20 runs in headless Chromium against
// the real `briques serve`. Not a test: it reports figures and asserts nothing.
//
// Run after scripts/build-app and `cargo test -p briques --no-run`:
//   node tests/bench/budget-import.mjs [runs=20] [lines=2000]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForHeading } from '../e2e/helpers.mjs';

const runs = Number(process.argv[2] || 20);
const lines = Number(process.argv[3] || 2000);
const here = dirname(fileURLToPath(import.meta.url));
const file = join(mkdtempSync(join(tmpdir(), 'briques-bench-')), 'ca-2000.xml');
// The generator spreads the 2023 account of the demo commune over sub-accounts and fonctions.
execFileSync('python3', [join(here, '..', '..', 'scripts', 'make-demo-commune.py'), '--lines', String(Math.round(lines * 1.2)), file]);
const count = (readFileSync(file, 'utf8').match(/<LigneBudget>/g) || []).length;

const server = await startServer();
const browser = await launchBrowser();
const { page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
try {
  await page.goto(`${server.base}/budget`);
  await waitForHeading(page, 'Le budget de ma commune');
  await page.locator('.indicator').first().waitFor();
  await page.evaluate(() => {
    window.__chosen = 0;
    document.querySelector('#budget-file').addEventListener('change', () => { window.__chosen = performance.now(); }, true);
  });
  const times = [];
  const outside = [];
  for (let i = 0; i < runs; i += 1) {
    const before = Number(await page.locator('.budget-page').getAttribute('data-budget-loads'));
    const t0 = performance.now();
    await page.locator('#budget-file').setInputFiles(file);
    const inPage = await page.evaluate((n) => new Promise((resolve) => {
      const check = () => {
        const done = Number(document.querySelector('.budget-page').dataset.budgetLoads) > n
          && document.querySelector('#budget-treemap svg rect');
        if (done) requestAnimationFrame(() => resolve(performance.now() - window.__chosen));
        else requestAnimationFrame(check);
      };
      check();
    }), before);
    outside.push(performance.now() - t0);
    times.push(inPage);
  }
  const sorted = (a) => [...a].sort((x, y) => x - y);
  const median = (a) => { const s = sorted(a); return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2; };
  console.log(`Fichier : ${count} lignes budgétaires, ${(readFileSync(file).length / 1024).toFixed(0)} Ko`);
  console.log(`Du fichier choisi au graphique affiché (dans la page) : médiane ${median(times).toFixed(1)} ms, `
    + `min ${sorted(times)[0].toFixed(1)} ms, max ${sorted(times).at(-1).toFixed(1)} ms sur ${runs} essais`);
  console.log(`Vu du pilote (setInputFiles compris) : médiane ${median(outside).toFixed(1)} ms`);
  if (errors.length) console.log('Erreurs de la page :', errors);
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
