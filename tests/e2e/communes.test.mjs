// Any commune of France: the directory on board (search as people type it, keyboard and
// screen reader friendly), budgets from the official open-data APIs (here the local
// stand-in, which reproduces their documented URLs and answers: no test reaches the
// internet), the comparison with the commune's strate, the commune kept on the device
// and shown again offline, failures said in French with the page still usable, and the
// data.gouv.fr search on the Données page. Timings measured here are printed as
// diagnostics for the closing note, never asserted.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer, startStandin, launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

const COMBO = 'Votre commune (nom, code postal ou code INSEE)';
const here = dirname(fileURLToPath(import.meta.url));

/** Crach's 2023 agrégats in the stand-in's fixture, read here with a plain split. */
function crach2023() {
  const [header, ...rows] = readFileSync(join(here, '..', 'standin', 'ofgl-crach.csv'), 'utf8')
    .replace(/^\ufeff/, '').trim().split('\n').map((line) => line.split(';'));
  const col = (name) => header.indexOf(name);
  return rows.filter((r) => r[col('exer')] === '2023')
    .map((r) => ({ agregat: r[col('agregat')], bp: Number(r[col('montant_bp')]), montant: Number(r[col('montant')]) }));
}
let standin;
let server;
let browser;

before(async () => {
  standin = await startStandin();
  server = await startServer({ args: standin.serveArgs });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
  await standin?.stop();
});

function noErrors(errors) {
  // Failed requests the tests cause on purpose (offline, HTTP errors) are logged by the
  // browser as resources that failed to load.
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR|blocked by CORS policy/.test(e)), []);
}

/** The budget page, controlled by the service worker (so that what it fetches is kept). */
async function budgetPage(t) {
  const { context, page, errors } = await openPage(browser);
  t.after(() => context.close());
  await page.goto(`${server.base}/budget`);
  await waitForHeading(page, 'Le budget de ma commune');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page, errors };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

test('search "crach", choose it from the keyboard, see its indicators, strate and accounts; offline again', async (t) => {
  await standin.reset();
  const { context, page, errors } = await budgetPage(t);
  const combo = page.getByRole('combobox', { name: COMBO });
  await combo.fill('crach');
  const option = page.getByRole('option', { name: /^Crach \(56046\)/ });
  await option.waitFor();
  assert.equal(await combo.getAttribute('aria-expanded'), 'true');
  await page.getByText(/communes correspondent|Une commune correspond/).waitFor();

  // Search latency on the whole directory (in the page, typing to options drawn).
  const latencies = await page.evaluate(async () => {
    const input = document.querySelector('[role=combobox]');
    const times = [];
    for (const q of ['saint denis 93', 'l abergement clemenciat', 'st etienne', '29200', 'paris', 'crach', 'marseille 13', 'ajaccio']) {
      const start = performance.now();
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      times.push(performance.now() - start);
    }
    return times;
  });
  t.diagnostic(`commune search, typing to list drawn: median ${median(latencies).toFixed(1)} ms over ${latencies.length} queries`);
  await combo.fill('saint denis 93');
  await page.getByRole('option', { name: /^Saint-Denis \(93066\)/ }).first().waitFor();
  const listbox = page.getByRole('listbox', { name: COMBO });
  assert.match(await listbox.getByRole('option').first().textContent(), /^Saint-Denis \(93066\)/);

  await combo.fill('crach');
  await option.waitFor();
  await combo.press('ArrowDown');
  assert.equal(await combo.getAttribute('aria-activedescendant'), 'budget-commune-search-option-0');
  const chosen = Date.now();
  await combo.press('Enter');
  await page.waitForURL(/commune=56046/);
  await page.getByRole('heading', { level: 2, name: /^Crach/ }).waitFor();
  const compare = page.locator('.indicator-compare').first();
  await compare.waitFor();
  t.diagnostic(`choosing a commune to its first view (stand-in on loopback): ${Date.now() - chosen} ms`);
  assert.match(await compare.textContent(), /Environ \d+ % des communes de 2 000 à 3 499 habitants/);
  // The drill-down reaches the balance's chapters and accounts.
  await page.locator('#budget-treemap .tm-opens').first().click();
  await page.waitForFunction(() => document.querySelectorAll('#budget-treemap .tm-cell').length > 3);
  assert.match(await page.locator('#budget-treemap').textContent(), /012/);
  await page.getByText('Comptes publiés par l\'OFGL').waitFor();
  // Every agrégat of the year, principal and with annexes, as the fixture has them.
  const expected = crach2023();
  await page.getByRole('heading', { level: 2, name: `Les ${expected.length} agrégats publiés par l'OFGL (2023)` }).waitFor();
  await page.getByText('Afficher le tableau').click();
  const rows = page.locator('.budget-aggregates tbody tr');
  assert.equal(await rows.count(), expected.length);
  const brute = expected.find((a) => a.agregat === 'Epargne brute');
  const cells = await page.locator('.budget-aggregates tr', { has: page.getByRole('rowheader', { name: 'Epargne brute', exact: true }) })
    .locator('td').allTextContents();
  const euros = (text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
  assert.equal(euros(cells[0]), Math.round(brute.bp), cells[0]);
  assert.equal(euros(cells[1]), Math.round(brute.montant), cells[1]);

  // The requests: OFGL by INSEE code, DGFiP by SIREN, the strate's quartiles.
  const log = await standin.log();
  assert.ok(log.some((e) => e.path.endsWith('/ofgl-base-communes-consolidee/exports/json') && /56046/.test(decodeURIComponent(e.query))));
  assert.ok(log.some((e) => e.path.includes('balances-comptables-des-communes-en-2023') && /215600461/.test(decodeURIComponent(e.query))));
  assert.equal(log.filter((e) => e.path.endsWith('/records')).length, 6);

  // Kept on the device: listed, and shown again with no network.
  const saved = page.getByRole('list', { name: 'Communes enregistrées sur cet appareil' });
  await saved.getByRole('button', { name: 'Crach', exact: true }).waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: /^Crach/ }).waitFor();
  await page.getByText(/Copie enregistrée sur cet appareil le/).waitFor();
  await page.locator('.indicator-compare').first().waitFor();
  // The search works offline too (the directory was kept).
  await page.getByRole('combobox', { name: COMBO }).fill('cazeres');
  await page.getByRole('option', { name: /^Cazères \(31135\)/ }).waitFor();
  // A commune never fetched cannot be had offline: said, and Crach stays.
  await page.getByRole('option', { name: /^Cazères \(31135\)/ }).click();
  await page.getByText(/Cette commune n'a pas pu être chargée ; le budget affiché reste là\. Impossible de joindre l'OFGL/).waitFor();
  await page.waitForURL(/commune=56046/);
  assert.match(await page.getByRole('heading', { level: 2, name: /^Crach/ }).textContent(), /Crach/);
  await context.setOffline(false);

  // Removed from the device.
  await saved.getByRole('button', { name: 'Retirer Crach de cet appareil' }).click();
  await saved.waitFor({ state: 'detached' });
  noErrors(errors);
});

test('a failing API gives its message and leaves the page usable', async (t) => {
  await standin.reset();
  const { page, errors } = await budgetPage(t);
  await page.getByRole('heading', { level: 2, name: /Briqueville/ }).waitFor();
  for (const [mode, said] of [
    ['429', /le nombre de demandes autorisées est atteint/],
    ['500', /a répondu par une erreur \(HTTP 500\)/],
    ['garbage', /n'est pas celle que sa documentation décrit/],
  ]) {
    await standin.reset();
    await standin.fail('ofgl', mode);
    await page.getByRole('combobox', { name: COMBO }).fill('cazeres');
    await page.getByRole('option', { name: /^Cazères \(31135\)/ }).click();
    await page.getByText(said).waitFor();
    // The demo commune shown before stays, and the page still works.
    await page.getByRole('heading', { level: 2, name: /Briqueville/ }).waitFor();
  }
  // The DGFiP down: OFGL's indicators still come, the balance's failure is said.
  await standin.reset();
  await standin.fail('dgfip', '500');
  await page.getByRole('combobox', { name: COMBO }).fill('cazeres');
  await page.getByRole('option', { name: /^Cazères \(31135\)/ }).click();
  await page.getByRole('heading', { level: 2, name: /^Cazères/ }).waitFor();
  await page.locator('.budget-warnings summary').click();
  await page.getByText(/la DGFiP \(data\.economie\.gouv\.fr\) a répondu par une erreur \(HTTP 500\)/).waitFor();
  await standin.reset();
  noErrors(errors);
});

test('axe finds nothing on the budget page with a commune from the APIs and the list open', async (t) => {
  await standin.reset();
  const { page, errors } = await budgetPage(t);
  await page.getByRole('combobox', { name: COMBO }).fill('crach');
  await page.getByRole('option', { name: /^Crach \(56046\)/ }).click();
  await page.locator('.indicator-compare').first().waitFor();
  await page.getByRole('combobox', { name: COMBO }).fill('saint');
  await page.getByRole('listbox', { name: COMBO }).getByRole('option').first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  noErrors(errors);
});

test('Données: find a dataset about a commune on data.gouv.fr and open its CSV', async (t) => {
  await standin.reset();
  const { context, page, errors } = await openPage(browser);
  t.after(() => context.close());
  await page.goto(`${server.base}/donnees`);
  await waitForHeading(page, 'Lire et construire un graphique');
  const search = page.getByRole('search');
  await search.getByLabel('Mots-clés').fill('budget');
  await search.getByRole('combobox', { name: 'Commune (facultatif)' }).fill('crach');
  await page.getByRole('option', { name: /^Crach \(56046\)/ }).click();
  await search.getByRole('button', { name: 'Chercher' }).click();
  const result = page.getByRole('heading', { level: 3, name: 'Budget primitif 2024 de la commune de Crach' });
  await result.waitFor();
  const item = page.locator('.data-search-results > li', { has: result });
  assert.match(await item.textContent(), /mis à jour le \d{4}-\d{2}-\d{2}/);
  assert.match(await item.textContent(), /Un autre fichier n'est pas un tableau CSV/);
  const log = await standin.log();
  const asked = log.find((e) => e.path.startsWith('/datagouv/api/1/datasets'));
  assert.match(decodeURIComponent(asked.query), /q=budget.*geozone=fr:commune:56046/);
  assert.deepEqual(await axeViolations(page), []);

  // Opening its CSV goes through the importer (the Données page may read any address).
  await item.getByRole('button', { name: /^Ouvrir « .* » \(CSV\)$/ }).click();
  await page.locator('#data-summary-title').waitFor();

  // A file on a site that does not let other pages read it: said, with what to do.
  await search.getByLabel('Mots-clés').fill('équipements');
  await search.getByRole('combobox', { name: 'Commune (facultatif)' }).fill('cazeres');
  await page.getByRole('option', { name: /^Cazères \(31135\)/ }).click();
  await search.getByRole('button', { name: 'Chercher' }).click();
  await page.getByRole('button', { name: /^Ouvrir « .*sportifs.* » \(CSV\)$/ }).click();
  await page.getByText(/n'autorise pas une autre page à lire ses fichiers/).waitFor();

  // A national file too large for a browser is said, not offered.
  await search.getByLabel('Mots-clés').fill('comptes consolidés');
  await search.getByRole('combobox', { name: 'Commune (facultatif)' }).fill('');
  await search.getByRole('button', { name: 'Chercher' }).click();
  await page.getByText(/Mo, trop volumineux pour un navigateur/).waitFor();

  // data.gouv.fr down: said.
  await standin.fail('datagouv', '500');
  await search.getByRole('button', { name: 'Chercher' }).click();
  await page.getByText(/data\.gouv\.fr a répondu par une erreur \(HTTP 500\)/).waitFor();
  await standin.reset();
  noErrors(errors);
});
