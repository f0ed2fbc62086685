// The budget explorer in headless Chromium: the demo commune opens with its indicators;
// drill down to an account and back; per inhabitant; a glossary entry; a project-written
// TOTEM file imported on the device shows its indicators (equal to `briques budget
// import --json` on the same file); "Si j'étais maire" for two groups compared side by
// side, and with the browser's storage full the proposal is still shown and said not
// saved; a chart exported as SVG; a shared URL lands on the same view; the national
// search when the server has prepared files; axe-core finds nothing, normal and projector.
//
// Each test opens its own browser context (so its own local storage) and sets up what it
// needs, so the tests pass alone and in any order. They share one server: the budget
// page only reads from it (the demo commune, the prepared national files), so no test
// can change what another one sees.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations, BIN } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', '..', 'core', 'fixtures', 'budget', 'briqueville-ca-2023.xml');
const TITLE = 'Le budget de ma commune';
const work = mkdtempSync(join(tmpdir(), 'briques-budget-'));

const CATALOGUE = ['fr.ftl', 'fr-budget.ftl']
  .map((name) => readFileSync(join(here, '..', '..', 'core', 'locales', name), 'utf8'))
  .join('\n');

/** A one-line French message of the catalogue, with its placeholders filled. */
function french(key, args = {}) {
  const line = CATALOGUE.split('\n').find((l) => l.startsWith(`${key} = `));
  assert.ok(line, `${key} is in the French catalogue`);
  return line.slice(key.length + 3).replace(/\{ \$(\w+) \}/g, (_, name) => args[name]);
}

let server;
let browser;

before(async () => {
  // National files: a few communes prepared from the project's DGFiP fixture.
  const prepared = join(work, 'national');
  const pops = join(work, 'populations.csv');
  writeFileSync(pops, 'REG;DEP;COM;Commune;PMUN;PCAP;PTOT\r\n99;099;99042;Briqueville;3000;12;3012\r\n');
  execFileSync(BIN, ['budget', 'prepare', join(here, '..', '..', 'core', 'fixtures', 'budget', 'briqueville-2023-dgfip-api.csv'),
    '--out', prepared, '--populations', pops], { env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' } });
  server = await startServer({ args: ['--budgets', prepared] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

/** Opens the budget page in a fresh context (closed when the test ends) and waits for
 * the demo commune (or the commune of `query`). */
async function openDemo(t, query = '') {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true });
  t.after(() => context.close());
  await page.goto(`${server.base}/budget${query}`);
  await waitForHeading(page, TITLE);
  await page.getByRole('heading', { level: 2, name: /Briqueville · compte administratif/ }).waitFor();
  return { page, errors };
}

/** No error was logged by the page (resources the server does not have aside). */
function noErrors(errors) {
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
}

/** The number of loads the page has finished (data-budget-loads). */
async function loads(page) {
  return Number(await page.locator('.budget-page').getAttribute('data-budget-loads'));
}

function indicator(page, name) {
  return page.locator('.indicator').filter({ has: page.locator('dt', { hasText: name }) }).locator('.indicator-value');
}

test('the demo commune opens with its indicators, years and the M57 change', async (t) => {
  const { page, errors } = await openDemo(t);
  await page.getByRole('heading', { level: 2, name: 'Briqueville · compte administratif 2024' }).waitFor();
  assert.match(await indicator(page, 'Épargne brute').textContent(), /^\d[\d\s\u202f]*€$/);
  const years = await page.locator('#budget-year option').allTextContents();
  assert.deepEqual(years, ['2019', '2020', '2021', '2022', '2023', '2024']);
  await page.getByText('Passage à la M57').first().waitFor();
  assert.deepEqual(errors, []);
});

test('drill down to an account, see its lines, and come back with the breadcrumb', async (t) => {
  const { page, errors } = await openDemo(t);
  const drill = page.locator('[data-budget-depth]');
  await page.locator('.budget-table').getByRole('button', { name: 'Fonctionnement' }).click();
  await page.locator('[data-budget-depth="1"]').waitFor();
  await page.locator('.budget-table').getByRole('button', { name: /^012 · Charges de personnel/ }).click();
  await page.locator('[data-budget-depth="2"]').waitFor();
  await page.locator('.budget-table').getByRole('button', { name: /^64111 · / }).click();
  await page.locator('[data-budget-depth="3"]').waitFor();
  await page.getByText('Dernier niveau : les lignes du budget pour ce compte.').waitFor();
  assert.match(await page.locator('.budget-table caption').textContent(), /64111/);
  assert.match(page.url(), /chemin=F\.012\.64111/);
  // The treemap opens parts too (mouse), and the breadcrumb goes back.
  await page.getByRole('navigation', { name: "Fil d'Ariane du budget" }).getByRole('button', { name: 'Dépenses' }).click();
  await page.locator('[data-budget-depth="0"]').waitFor();
  await page.locator('#budget-treemap .tm-opens').first().click();
  await page.locator('[data-budget-depth="1"]').waitFor();
  assert.equal(await drill.count(), 1);
  noErrors(errors);
});

test('per inhabitant divides by the population', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2023');
  const total = await indicator(page, 'Dépenses réelles de fonctionnement').textContent();
  await page.getByRole('button', { name: 'Par habitant' }).click();
  await page.locator('.indicator-value', { hasText: 'par habitant' }).first().waitFor();
  const perHead = await indicator(page, 'Dépenses réelles de fonctionnement').textContent();
  const euros = (text) => Number(text.replace(/[^\d]/g, ''));
  const expected = Math.round(euros(total) / 3012);
  assert.ok(Math.abs(euros(perHead) - expected) <= 1, `${perHead} vs ${total} / 3012`);
  assert.match(page.url(), /hab=1/);
  noErrors(errors);
});

test('a glossary entry opens from a term', async (t) => {
  const { page, errors } = await openDemo(t);
  const entry = page.locator('#glossaire-epargne-brute');
  assert.equal(await entry.getAttribute('open'), null);
  await page.locator('.indicator dt').getByRole('link', { name: 'Épargne brute' }).click();
  await page.waitForFunction(() => document.querySelector('#glossaire-epargne-brute')?.open === true);
  assert.match(await entry.locator('p').textContent(), /\S{10,}/);
  noErrors(errors);
});

test('a TOTEM file imported on the device shows the indicators the CLI computes', async (t) => {
  const { page, errors } = await openDemo(t);
  const before = await loads(page);
  await page.locator('#budget-file').setInputFiles(FIXTURE);
  await page.waitForFunction((n) => Number(document.querySelector('.budget-page').dataset.budgetLoads) > n, before);
  await page.getByRole('heading', { level: 2, name: 'BRIQUEVILLE · compte administratif 2023' }).waitFor();
  const cli = JSON.parse(execFileSync(BIN, ['budget', 'import', FIXTURE, '--json']).toString());
  const shown = await indicator(page, 'Épargne brute').textContent();
  assert.equal(Number(shown.replace(/[^\d-]/g, '')), Math.round(cli.epargne_brute));
  // A broken file leaves the budget shown and says what is wrong.
  const broken = join(work, 'casse.xml');
  writeFileSync(broken, '<DocumentBudgetaire><Budget><LigneBudget>');
  await page.locator('#budget-file').setInputFiles(broken);
  await page.getByText(/« casse\.xml » n'a pas pu être importé : .*tronqué/).waitFor();
  await page.getByRole('heading', { level: 2, name: 'BRIQUEVILLE · compte administratif 2023' }).waitFor();
  noErrors(errors);
});

test('a file with several communes offers a choice between them', async (t) => {
  const { page, errors } = await openDemo(t);
  const text = readFileSync(join(here, '..', '..', 'core', 'fixtures', 'budget', 'briqueville-2023-dgfip-api.csv'), 'utf8');
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const main = rows.filter((r) => r.includes(';BRIQUEVILLE;'));
  const other = main.map((r) => r.replaceAll('BRIQUEVILLE', 'TOURVILLE').replaceAll('219999999', '219999998').replace(';042;', ';043;'));
  const file = join(work, 'deux-communes.csv');
  writeFileSync(file, [header, ...main, ...other].join('\r\n'));
  const before = await loads(page);
  await page.locator('#budget-file').setInputFiles(file);
  await page.waitForFunction((n) => Number(document.querySelector('.budget-page').dataset.budgetLoads) > n, before);
  await page.getByText(/Un autre budget du fichier/).waitFor();
  await page.getByLabel('Collectivité du fichier').selectOption('TOURVILLE');
  await page.getByRole('heading', { level: 2, name: /^TOURVILLE · / }).waitFor();
  noErrors(errors);
});

test('"Si j\'étais maire": two groups saved and compared with the actual budget', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2024&onglet=maire');
  await page.getByRole('heading', { level: 2, name: 'Si j\'étais maire' }).waitFor();
  await page.getByText('Le budget respecte toutes les règles.').waitFor();
  // Group 1: more staff, fewer purchases.
  await page.getByLabel('Personnel').fill('10');
  await page.getByLabel('Achats et services').fill('-10');
  await page.getByLabel('Nom du groupe').fill('Les Bleus');
  await page.getByRole('button', { name: 'Enregistrer la proposition du groupe' }).click();
  // Saved: a polite status, not an alert.
  await page.getByRole('status').filter({ hasText: 'Proposition du groupe « Les Bleus » enregistrée sur cet appareil.' }).waitFor();
  assert.equal(await page.locator('.mayor-save [role="alert"]').count(), 0);
  // Group 2: builds much more without borrowing: the investment is not funded.
  await page.getByRole('button', { name: 'Revenir au budget réel' }).click();
  await page.getByLabel('Investissements (équipements et travaux)').fill('30');
  await page.getByLabel("Nouveaux emprunts de l'année (euros)").fill('0');
  await page.getByText(/Les investissements ne sont pas financés : il manque/).waitFor();
  await page.getByLabel('Nom du groupe').fill('Les Verts');
  await page.getByRole('button', { name: 'Enregistrer la proposition du groupe' }).click();
  const table = page.locator('.mayor-table');
  await table.waitFor();
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, ['Poste', 'Budget réel', 'Les Bleus', 'Les Verts']);
  const rules = await table.locator('tbody tr', { hasText: 'Règles' }).locator('td').allTextContents();
  assert.equal(rules[0], 'respectées');
  assert.match(rules[2], /non respectée/);
  // Saved on the device: a reload keeps both groups.
  await page.reload();
  await page.locator('.mayor-table thead th', { hasText: 'Les Verts' }).waitFor();
  await page.evaluate(() => document.documentElement.classList.add('projector'));
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate(() => document.documentElement.classList.remove('projector'));
  noErrors(errors);
});

test('"Si j\'étais maire": with the storage full, a proposal stays on screen and is said not saved', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2024&onglet=maire');
  await page.getByRole('heading', { level: 2, name: 'Si j\'étais maire' }).waitFor();
  // Fill this origin's local storage: scratch keys of halving sizes until the browser
  // refuses even one more character.
  const filled = await page.evaluate(() => {
    let size = 1 << 20;
    let keys = 0;
    let refused = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`remplissage-${keys}`, 'x'.repeat(size));
        keys += 1;
      } catch (error) {
        refused += error.name === 'QuotaExceededError' ? 1 : 0;
        size = Math.floor(size / 2);
      }
    }
    return { keys, refused };
  });
  assert.ok(filled.keys > 0 && filled.refused > 0, JSON.stringify(filled));
  await page.getByLabel('Personnel').fill('5');
  await page.getByLabel('Nom du groupe').fill('Les Jaunes');
  await page.getByRole('button', { name: 'Enregistrer la proposition du groupe' }).click();
  const expected = french('mayor-group-not-saved', { group: 'Les Jaunes', reason: french('storage-error-full') });
  // Said at once (an alert), in the catalogue's words.
  const alert = page.locator('.mayor-save').getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.textContent(), expected);
  // Still compared with the actual budget, though not stored.
  const headers = await page.locator('.mayor-table thead th').allTextContents();
  assert.deepEqual(headers, ['Poste', 'Budget réel', 'Les Jaunes']);
  assert.match(await page.locator('.mayor-table tbody tr').first().textContent(), /\(\+5\u00a0%\)/);
  assert.equal(await page.evaluate(() => localStorage.getItem('briques.budget.groupes')), null);
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate(() => document.documentElement.classList.add('projector'));
  assert.deepEqual(await axeViolations(page), []);
  noErrors(errors);
});

test('a chart exports as SVG and a shared URL lands on the same view', async (t) => {
  const shared = '?commune=demo&annee=2022&vue=recettes&axe=fonction&chemin=F&hab=1';
  const { page, errors } = await openDemo(t, shared);
  await page.getByRole('heading', { level: 2, name: 'Briqueville · compte administratif 2022' }).waitFor();
  await page.locator('[data-budget-depth="1"]').waitFor();
  assert.equal(await page.getByRole('group', { name: 'Sens' }).getByRole('button', { name: 'Recettes' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Par politique publique (fonctions)' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Par habitant' }).getAttribute('aria-pressed'), 'true');
  assert.equal(new URL(page.url()).search, shared);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Enregistrer « Fonctionnement » en SVG' }).click(),
  ]);
  const svg = readFileSync(await file.path(), 'utf8');
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<rect/);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le tableau (CSV)' }).click(),
  ]);
  assert.match(readFileSync(await csv.path(), 'utf8'), /^\uFEFFPoste;Montant réalisé;Part/);
  noErrors(errors);
});

test('national files: search by name without accents, open a commune, compare with its strate', async (t) => {
  const { page, errors } = await openDemo(t);
  await page.getByLabel('Rechercher une commune (nom ou code INSEE)').fill('briquevïlle');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByRole('button', { name: /BRIQUEVILLE \(99042\)/ }).click();
  await page.waitForURL(/commune=99042/);
  await page.locator('.indicator-compare').first().waitFor();
  assert.match(await page.locator('.indicator-compare').first().textContent(), /Environ \d+ % des communes de 2 000 à 3 499 habitants/);
  noErrors(errors);
});

test('axe finds nothing on the explorer, normal and projector mode', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&chemin=F.011');
  await page.locator('#glossaire-dgf').evaluate((d) => { d.open = true; });
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate(() => document.documentElement.classList.add('projector'));
  assert.deepEqual(await axeViolations(page), []);
  noErrors(errors);
});
