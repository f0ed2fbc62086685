// The budget explorer in headless Chromium: the demo commune opens with its indicators;
// drill down to an account and back (by keyboard: focus lands on the breadcrumb); per
// inhabitant; a glossary term opens its definition in place (the heading's too); every
// account has its own official label, or its parent's said as such; "Personnel" is one
// figure everywhere (summed here from the demo file); the page and "Si j'étais maire" on
// a 360-pixel phone (chart text and cells measured, tables stacked, the game's result in
// view, a loan that is not a number refused); a project-written
// TOTEM file imported on the device shows its indicators (equal to `briques budget
// import --json` on the same file); "Si j'étais maire" for two groups compared side by
// side, and with the browser's storage full the proposal is still shown and said not
// saved; a chart exported as SVG; a shared URL lands on the same view; the national
// search when the server has prepared files; the demo compared with its strate when its
// statistics are shipped; axe-core finds nothing, normal and projector.
//
// Each test opens its own browser context (so its own local storage) and sets up what it
// needs, so the tests pass alone and in any order. They share one server: the budget
// page only reads from it (the demo commune, the prepared national files), so no test
// can change what another one sees.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations, BIN, ASSETS } from './helpers.mjs';

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
async function openDemo(t, query = '', options = {}) {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true, ...options });
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

/** A phone's screen. */
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Whether the element is wholly inside the window. */
function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

/** The expanded state the browser gives screen readers for the element of `selector`
 * (read from Chromium's accessibility tree: a popover's button has no aria attribute). */
async function expanded(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.properties?.find((p) => p.name === 'expanded')?.value?.value;
}

/** Euros in a text ("1 295 322 €" → 1295322). */
function eurosIn(text) {
  return Number(text.replace(/[^\d-]/g, ''));
}

/** Real spending of the year on chapter `chapitre` in a demo file, summed from its XML
 * text here, independently of the app and the core. */
function chapterFromDemo(year, chapitre) {
  const xml = readFileSync(join(here, '..', '..', 'www', 'demo', `briqueville-ca-${year}.xml`), 'utf8');
  let cents = 0;
  for (const line of xml.split('<LigneBudget>').slice(1)) {
    const value = (tag) => (line.match(new RegExp(`<${tag} V="([^"]*)"`)) || [])[1];
    if (value('ContNat') === chapitre && value('CodRD') === 'D' && value('OpBudg') === '0') {
      cents += Math.round(Number(value('MtReal')) * 100);
    }
  }
  return Math.round(cents / 100);
}

function indicator(page, name) {
  return page.locator('.indicator')
    .filter({ has: page.locator('dt').getByRole('button', { name, exact: true }) }).locator('.indicator-value');
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

test('a glossary term opens its definition where it is, and closes again', async (t) => {
  const { page, errors } = await openDemo(t, '', PHONE);
  const term = page.locator('.indicator dt').getByRole('button', { name: 'Épargne brute', exact: true });
  await term.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  const note = page.locator(`#${await term.getAttribute('popovertarget')}`);
  const open = () => note.evaluate((n) => n.matches(':popover-open'));
  assert.equal(await open(), false);
  await term.focus();
  await page.keyboard.press('Enter');
  await note.waitFor({ state: 'visible' });
  assert.equal(await note.textContent(), french('glossary-epargne-brute-def'));
  // Read where the term is: no jump down the page, the note on screen just under the
  // term, focus still on the term, told expanded.
  assert.equal(await page.evaluate(() => window.scrollY), scrolled);
  assert.ok(await inViewport(note), 'the definition is on screen');
  const [termBox, noteBox] = [await term.boundingBox(), await note.boundingBox()];
  assert.ok(noteBox.y >= termBox.y + termBox.height - 1 && noteBox.y - (termBox.y + termBox.height) < 24,
    `note at ${noteBox.y}, term ends at ${termBox.y + termBox.height}`);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'term');
  assert.equal(await expanded(page, `button[popovertarget="${await term.getAttribute('popovertarget')}"]`), true);
  // The button closes it again; so does Escape.
  await page.keyboard.press('Enter');
  await note.waitFor({ state: 'hidden' });
  assert.equal(await expanded(page, `button[popovertarget="${await term.getAttribute('popovertarget')}"]`), false);
  await page.keyboard.press('Enter');
  await note.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await note.waitFor({ state: 'hidden' });
  noErrors(errors);
});

test('the heading explains "compte administratif" and "exercice", and no heading is repeated', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2024&vue=recettes');
  const heading = page.locator('.budget-heading');
  for (const [name, key] of [['Compte administratif', 'glossary-compte-administratif-def'], ['Exercice', 'glossary-exercice-def']]) {
    const term = heading.getByRole('button', { name, exact: true });
    await term.click();
    const note = page.locator(`#${await term.getAttribute('popovertarget')}`);
    await note.waitFor({ state: 'visible' });
    assert.equal(await note.textContent(), french(key));
    await page.keyboard.press('Escape');
    await note.waitFor({ state: 'hidden' });
  }
  await page.locator('[data-budget-depth="0"]').waitFor();
  const headings = (await page.locator('h2, h3').allTextContents()).map((h) => h.trim());
  assert.deepEqual(headings.filter((h, i) => headings.indexOf(h) !== i), [], headings.join(' | '));
  assert.equal(headings.filter((h) => h === 'Recettes').length, 0, 'the side is a button, not a heading too');
  assert.ok(headings.includes('Répartition : Recettes'), headings.join(' | '));
  noErrors(errors);
});

test('each account has its own official label: 6451, 6453 and 6455 differ', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2022&chemin=F.012');
  await page.locator('[data-budget-depth="2"]').waitFor();
  const rows = await page.locator('.budget-table tbody th').allTextContents();
  const label = (code) => rows.find((r) => r.startsWith(`${code} · `));
  assert.equal(label('6451'), "6451 · Cotisations à l'U.R.S.S.A.F.");
  assert.equal(label('6453'), '6453 · Cotisations aux caisses de retraites');
  assert.equal(label('6455'), '6455 · Cotisations pour assurance du personnel');
  // 2024 is in the M57 abrégée, which has only 6450: the full M57 plan names them.
  await page.getByLabel('Exercice', { exact: true }).selectOption('2024');
  await page.getByRole('heading', { level: 2, name: 'Briqueville · compte administratif 2024' }).waitFor();
  await page.locator('.budget-table tbody th', { hasText: "6451 · Cotisations à l'U.R.S.S.A.F." }).waitFor();
  noErrors(errors);
});

test('an account in no plan de comptes shows its parent\'s label and says so', async (t) => {
  const { page, errors } = await openDemo(t);
  const file = join(work, 'compte-inconnu.xml');
  writeFileSync(file, readFileSync(FIXTURE, 'utf8').replace('<Nature V="64111"/>', '<Nature V="641119"/>'));
  const before = await loads(page);
  await page.locator('#budget-file').setInputFiles(file);
  await page.waitForFunction((n) => Number(document.querySelector('.budget-page').dataset.budgetLoads) > n, before);
  await page.locator('.budget-table').getByRole('button', { name: 'Fonctionnement' }).click();
  await page.locator('.budget-table').getByRole('button', { name: /^012 · / }).click();
  const row = page.locator('.budget-table tbody th', { hasText: /^641119 · / });
  assert.equal(await row.textContent(), `641119 · ${french('budget-label-parent', {
    label: 'Rémunération principale', parent: '64111',
  })}`);
  noErrors(errors);
});

test('"Personnel" is one amount in the explorer, as summed from the file', async (t) => {
  const expected = chapterFromDemo(2024, '012');
  assert.ok(expected > 1_000_000);
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2024&chemin=F');
  const row = page.locator('.budget-table tbody tr', { has: page.getByRole('button', { name: /^012 · / }) });
  assert.equal(eurosIn(await row.locator('td').first().textContent()), expected);
  noErrors(errors);
});

test('drilling down from the keyboard moves focus to the breadcrumb, on screen', async (t) => {
  const { page, errors } = await openDemo(t, '', PHONE);
  const current = page.locator('#budget-drill-current');
  const focused = () => page.waitForFunction(() => document.activeElement?.id === 'budget-drill-current');
  const open = async (name, depth) => {
    const button = page.locator('.budget-table').getByRole('button', { name });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-budget-depth="${depth}"]`).waitFor();
    await focused();
  };
  await open('Fonctionnement', 1);
  assert.equal(await current.textContent(), 'Fonctionnement');
  assert.equal(await current.getAttribute('aria-current'), 'location');
  assert.ok(await inViewport(current), 'the breadcrumb is on screen');
  await open(/^012 · /, 2);
  assert.match(await current.textContent(), /^012 · Charges de personnel/);
  assert.ok(await inViewport(current));
  // Back with the breadcrumb: focus on the new current step.
  await page.getByRole('navigation', { name: "Fil d'Ariane du budget" }).getByRole('button', { name: 'Dépenses' }).press('Enter');
  await page.locator('[data-budget-depth="0"]').waitFor();
  await focused();
  // Choosing the side keeps focus on its button.
  const recettes = page.getByRole('group', { name: 'Sens' }).getByRole('button', { name: 'Recettes' });
  await recettes.press('Enter');
  await page.waitForURL(/vue=recettes/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Recettes');
  noErrors(errors);
});

test('the budget page on a phone (360 px): charts drawn for their width, cells to tap, tables stacked', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2024&chemin=F', PHONE);
  await page.locator('[data-budget-depth="1"]').waitFor();
  const charts = ['budget-treemap', 'budget-cent-euros', 'budget-evolution'];
  // Each chart is drawn for the width it is shown at: one unit of the drawing is one pixel.
  for (const id of charts) {
    await page.waitForFunction((id) => {
      const svg = document.querySelector(`#${id} svg`);
      return svg && Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 1.5;
    }, id);
  }
  const seen = await page.evaluate((charts) => {
    const out = { texts: 0, small: [], clipped: [], cells: [] };
    for (const id of charts) {
      const svg = document.querySelector(`#${id} svg`);
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const width = svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        out.texts += 1;
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (size < 12) out.small.push(`${id}: « ${text.textContent} » ${size.toFixed(1)} px`);
        const box = text.getBBox();
        if (box.x < -0.5 || box.x + box.width > width + 0.5) out.clipped.push(`${id}: « ${text.textContent} »`);
      }
    }
    for (const rect of document.querySelectorAll('#budget-treemap .tm-cell rect')) {
      const r = rect.getBoundingClientRect();
      out.cells.push([Math.round(r.width), Math.round(r.height)]);
    }
    return out;
  }, charts);
  assert.ok(seen.texts > 20, `${seen.texts} texts`);
  assert.deepEqual(seen.small, [], 'every label is 12 px or more');
  assert.deepEqual(seen.clipped, [], 'no label runs off its chart');
  assert.ok(seen.cells.length >= 3);
  for (const [w, h] of seen.cells) assert.ok(w >= 44 && h >= 44, `a ${w}×${h} cell`);
  // The small parts are grouped in one cell, which opens them.
  const grouped = page.locator('#budget-treemap .tm-cell', { has: page.locator('title', { hasText: /autres postes : / }) });
  await grouped.click();
  await page.getByRole('button', { name: 'Revenir à tous les postes' }).waitFor();
  const opened = await page.locator('#budget-treemap .tm-cell title').allTextContents();
  assert.ok(opened.some((title) => title.startsWith('66 · Charges financières')), opened.join(' | '));
  await page.getByRole('button', { name: 'Revenir à tous les postes' }).click();
  await page.locator('#budget-treemap .tm-cell title', { hasText: /^012 · / }).waitFor({ state: 'attached' });
  // Every amount of "100 €" keeps its unit.
  const shares = (await page.locator('#budget-cent-euros text').allTextContents()).filter((x) => /\d/.test(x));
  assert.ok(shares.length > 3 && shares.every((x) => /^\d+,\d\u00a0€$/.test(x)), shares.join(' | '));
  // The table is stacked: amounts and shares on screen, not scrolled away.
  for (const cell of await page.locator('.budget-table td').all()) {
    const box = await cell.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `${await cell.textContent()} at ${box.x}+${box.width}`);
  }
  for (const button of await page.locator('.budget-table button, .breadcrumb button').all()) {
    assert.ok((await button.boundingBox()).height >= 44, await button.textContent());
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate(() => document.documentElement.classList.add('projector'));
  assert.deepEqual(await axeViolations(page), []);
  noErrors(errors);
});

test('"Si j\'étais maire" on a phone: the tokens laid and the broken rules stay on screen', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2024&onglet=maire', { ...PHONE, viewport: { width: 360, height: 640 } });
  const outcome = page.locator('.mayor-outcome');
  await outcome.waitFor();
  await page.getByText('100 jetons posés sur 100 disponibles.').waitFor();
  const more = page.getByRole('button', { name: 'Un jeton de plus : Sport et jeunesse' });
  await more.scrollIntoViewIfNeeded();
  await more.click();
  await page.getByText('101 jetons posés sur 100 disponibles.').waitFor();
  await page.getByText("1 jetons posés de trop : le budget n'est pas à l'équilibre.").waitFor();
  assert.ok(await inViewport(outcome), 'the result is on screen while the tokens move');
  assert.ok(await inViewport(more), 'the button too');
  const [s, o] = [await more.boundingBox(), await outcome.boundingBox()];
  assert.ok(s.y + s.height <= o.y, 'the result does not cover the button');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  // Not a number: the field keeps its tokens.
  const sport = page.getByLabel('Sport et jeunesse', { exact: true });
  const before = await sport.inputValue();
  await sport.pressSequentially('e');
  await page.getByText('101 jetons posés sur 100 disponibles.').waitFor();
  assert.equal(await page.locator('#maire-sport').evaluate((i) => i.validity.valid || i.value === ''), true);
  assert.ok(before.length > 0);
  await page.getByLabel('Nom du groupe').fill('Les Rouges');
  await page.getByRole('button', { name: 'Enregistrer la proposition du groupe' }).click();
  await page.getByRole('status').filter({ hasText: 'Proposition du groupe « Les Rouges » enregistrée' }).waitFor();
  const rules = await page.locator('.mayor-table tbody tr', { hasText: 'Règles' }).locator('td').allTextContents();
  assert.equal(rules[0], 'respectées');
  assert.match(rules[1], /non respectée/);
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate(() => document.documentElement.classList.add('projector'));
  assert.deepEqual(await axeViolations(page), []);
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

test('a budget that is not a commune\'s (M43 transport service) says so and shows no commune category', async (t) => {
  const { page, errors } = await openDemo(t);
  const file = join(here, '..', '..', 'core', 'fixtures', 'real-budget', '4-hors-commune', 'saint-malo-agglo-transport-bp-2022-m43.xml');
  const before = await loads(page);
  await page.locator('#budget-file').setInputFiles(file);
  await page.waitForFunction((n) => Number(document.querySelector('.budget-page').dataset.budgetLoads) > n, before);
  await page.getByText(/Nomenclature M4-M43_D : ce budget n'est pas celui d'une commune/).waitFor();
  // Its figures are there; the commune-only views (citizen categories, the mayor game) are not.
  assert.equal(await page.locator('#budget-hundred-title').count(), 0);
  assert.equal(await page.getByText('Personnel', { exact: true }).count(), 0);
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

/** The rows of the pack's printed token sheet (06-exemple.md): label → actual tokens. */
function printedSheet() {
  const text = readFileSync(join(here, '..', '..', 'workshops', 'budget-de-ma-commune', 'fiches', '06-exemple.md'), 'utf8');
  const section = text.slice(text.indexOf('## La fiche de répartition'), text.indexOf('## Une partie jouée'));
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| **') && !l.startsWith('| Poste'));
  return rows.map((l) => {
    const cells = l.split('|').map((c) => c.trim());
    return [cells[1].replace(/ \(.*\)$/, ''), Number(cells[2])];
  });
}

test('"Si j\'étais maire": the budget pack\'s game, two groups of the printed example, the same figures on screen as on the sheet', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&annee=2023&onglet=maire');
  await page.getByRole('heading', { level: 2, name: 'Si j\'étais maire' }).waitFor();
  await page.getByText('Le budget respecte toutes les règles.').waitFor();
  // The actual tokens on screen are the printed sheet's, line by line.
  const printed = printedSheet();
  assert.ok(printed.length >= 9, JSON.stringify(printed));
  const shown = await page.locator('.game-table tbody tr').evaluateAll((rows) => rows.map((r) => [
    r.querySelector('th label, th span').textContent.trim(), Number(r.querySelector('td.num').textContent),
  ]));
  assert.deepEqual(shown, printed);
  assert.equal(printed.reduce((sum, [, n]) => sum + n, 0), 100);
  // The sheet the page prints is the same table.
  await page.locator('.game-sheet summary').click();
  const sheetRows = await page.locator('.game-sheet tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
  for (const [i, [label, tokens]] of printed.entries()) {
    assert.ok(sheetRows[i][0].startsWith(label), `${sheetRows[i][0]} / ${label}`);
    assert.equal(Number(sheetRows[i][1]), tokens);
  }
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.body.setAttribute('data-print', 'game-sheet'));
  assert.equal(await page.locator('.game-sheet table').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  assert.equal(await page.locator('.game-table').evaluate((e) => getComputedStyle(e).visibility), 'hidden');
  await page.evaluate(() => document.body.removeAttribute('data-print'));
  await page.emulateMedia({ media: 'screen' });

  // Group A and group B of the sheet's example, with the "energy" card.
  const play = async (group, moves) => {
    await page.getByRole('button', { name: 'Revenir au budget réel' }).click();
    await page.getByLabel('Carte imprévu').selectOption('energie');
    for (const [label, by] of moves) {
      const name = `${by > 0 ? 'Un jeton de plus' : 'Un jeton de moins'} : ${label}`;
      for (let i = 0; i < Math.abs(by); i += 1) await page.getByRole('button', { name, exact: true }).click();
    }
    await page.getByText('Le budget respecte toutes les règles.').waitFor();
    await page.getByLabel('Nom du groupe').fill(group);
    await page.getByRole('button', { name: 'Enregistrer la proposition du groupe' }).click();
    await page.getByRole('status').filter({ hasText: `Proposition du groupe « ${group} » enregistrée` }).waitFor();
  };
  await play('Groupe A', [['Sport et jeunesse', 3], ['Culture, fêtes et associations', 2], ['Autofinancement', -5],
    ['Voirie et aménagement', -2], ['Administration générale', 3], ['Sécurité', -1]]);
  await play('Groupe B', [['Administration générale', 3], ['Culture, fêtes et associations', -2], ['Action sociale et aînés', -1]]);
  const table = page.locator('.mayor-table');
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, ['Poste', 'Budget réel', 'Groupe A', 'Groupe B']);
  const row = async (label) => table.locator('tbody tr', { has: page.locator('th', { hasText: label }) }).locator('td').allTextContents();
  const real = Object.fromEntries(printed);
  assert.deepEqual(await row('Sport et jeunesse'), [String(real['Sport et jeunesse']), `${real['Sport et jeunesse'] + 3} (+3)`, String(real['Sport et jeunesse'])]);
  assert.deepEqual(await row('Administration générale'), [String(real['Administration générale']),
    `${real['Administration générale'] + 3} (+3)`, `${real['Administration générale'] + 3} (+3)`]);
  assert.deepEqual(await row('Règles'), ['respectées', 'respectées', 'respectées']);
  // Saved on the device: a reload keeps both groups.
  await page.reload();
  await page.locator('.mayor-table thead th', { hasText: 'Groupe B' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
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
  await page.getByRole('button', { name: 'Un jeton de plus : Sport et jeunesse' }).click();
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
  assert.match(await page.locator('.mayor-table tbody tr', { hasText: 'Sport et jeunesse' }).textContent(), /\(\+1\)/);
  assert.equal(await page.evaluate(() => localStorage.getItem('briques.budget.jetons')), null);
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
    page.getByRole('button', { name: 'Enregistrer « Répartition : Fonctionnement » en SVG' }).click(),
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

test('national files: a commune of the prepared folder opens with every year and its strate', async (t) => {
  // 99042 is the fixture's fictional commune, in no directory: opened by its address.
  const { page, errors } = await openDemo(t);
  await page.goto(`${server.base}/budget?commune=99042`);
  await page.getByRole('heading', { level: 2, name: /BRIQUEVILLE/ }).waitFor();
  await page.locator('.indicator-compare').first().waitFor();
  assert.match(await page.locator('.indicator-compare').first().textContent(), /Environ \d+ % des communes de 2 000 à 3 499 habitants/);
  noErrors(errors);
});

/** Real operating spending of a demo year (accounts of classes 6 and 7, real operations),
 * summed from its XML text here, independently of the app and the core. */
function operatingSpendingFromDemo(year) {
  const xml = readFileSync(join(here, '..', '..', 'www', 'demo', `briqueville-ca-${year}.xml`), 'utf8');
  let cents = 0;
  for (const line of xml.split('<LigneBudget>').slice(1)) {
    const value = (tag) => (line.match(new RegExp(`<${tag} V="([^"]*)"`)) || [])[1];
    if (/^[67]/.test(value('Nature')) && value('CodRD') === 'D' && value('OpBudg') === '0') {
      cents += Math.round(Number(value('MtReal')) * 100);
    }
  }
  return cents / 100;
}

test('the demo commune is compared with its strate when its statistics are shipped', async (t) => {
  // A copy of the app whose demo lists a strates.json (the national preparation's format),
  // with quartiles made for this test around Briqueville's own figure of 2024: 70 % of
  // the strate above it (25 % + 40/200 of the quartile gap below it, per inhabitant).
  const assets = mkdtempSync(join(tmpdir(), 'briques-demo-strates-'));
  cpSync(ASSETS, assets, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(assets, 'demo', 'briqueville.json'), 'utf8'));
  const population = manifest.budgets.find((b) => b.exercice === 2024).population;
  const perHead = operatingSpendingFromDemo(2024) / population;
  manifest.strates = 'strates.json';
  writeFileSync(join(assets, 'demo', 'briqueville.json'), JSON.stringify(manifest));
  // The server prefers the build's compressed copy: the changed manifest must not have one.
  rmSync(join(assets, 'demo', 'briqueville.json.gz'), { force: true });
  writeFileSync(join(assets, 'demo', 'strates.json'), JSON.stringify({
    format: 'briques-strates',
    version: 1,
    strates: {
      4: {
        label: '2 000 à 3 499 habitants',
        communes: 1000,
        per_inhabitant: { depenses_reelles_fonctionnement: { q1: perHead - 40, median: perHead + 160, q3: perHead + 360 } },
      },
    },
  }));
  const own = await startServer({ assets });
  t.after(async () => { await own.stop(); own.cleanup(); rmSync(assets, { recursive: true, force: true }); });
  const { context, page, errors } = await openPage(browser);
  t.after(() => context.close());
  await page.goto(`${own.base}/budget`);
  await page.getByRole('heading', { level: 2, name: 'Briqueville · compte administratif 2024' }).waitFor();
  const compared = page.locator('.indicator-compare');
  await compared.first().waitFor();
  assert.equal(await compared.count(), 1, 'one indicator has statistics');
  assert.match(await compared.first().textContent(),
    /^Environ 70 % des communes de 2 000 à 3 499 habitants ont un montant plus élevé par habitant/);
  const card = page.locator('.indicator').filter({ has: compared });
  assert.match(await card.textContent(), /Dépenses réelles de fonctionnement/);
  noErrors(errors);

  // The shipped demo lists its statistics only when www/demo/strates.json is there.
  const shipped = JSON.parse(readFileSync(join(here, '..', '..', 'www', 'demo', 'briqueville.json'), 'utf8'));
  let present = true;
  try { readFileSync(join(here, '..', '..', 'www', 'demo', 'strates.json')); } catch { present = false; }
  assert.equal(shipped.strates === 'strates.json', present);
});

test('axe finds nothing on the explorer, normal and projector mode', async (t) => {
  const { page, errors } = await openDemo(t, '?commune=demo&chemin=F.011');
  await page.locator('#glossaire-dgf').evaluate((d) => { d.open = true; });
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate(() => document.documentElement.classList.add('projector'));
  assert.deepEqual(await axeViolations(page), []);
  noErrors(errors);
});
