// The Données page in headless Chromium: open the project's library-loans file with the
// file picker, read the profile, build a bar chart, switch to the misleading version
// (truncated axis) side by side, export the SVG and the chart spec (which re-imports);
// a dropped file opens; a file another site shares opens by its address; a bad file, a
// failing or refused address and being offline give French messages; a long file's
// preview scrolls through every row (virtualised); axe-core finds nothing, normal and
// projector.
//
// Each test opens its own page in a fresh browser context and sets up what it needs, so
// any test runs alone (`--test-name-pattern`) or in any order; only the server and the
// browser are shared.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, '..', '..', 'core', 'fixtures', 'data');
const TITLE = 'Lire et construire un graphique';

let server;
let browser;
const work = mkdtempSync(join(tmpdir(), 'briques-donnees-'));

/** A fresh page on /donnees (its own context, closed after the test), with the console
 * errors it records. */
async function openDonnees(t, options = { acceptDownloads: true }) {
  const opened = await openPage(browser, options);
  t.after(() => opened.context.close());
  await opened.page.goto(`${server.base}/donnees`);
  await waitForHeading(opened.page, TITLE);
  return opened;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const target = join(work, file.suggestedFilename());
  copyFileSync(await file.path(), target);
  return target;
}

/** Opens the library-loans file and waits for its suggested chart. */
async function openLoans(page) {
  await page.setInputFiles('#data-file', join(FIXTURES, 'bibliotheque-prets-briqueville.csv'));
  await page.locator('#data-summary', { hasText: '408 lignes de données' }).waitFor();
  await page.locator('#data-chart svg').waitFor();
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

test('a bad file says what it is in French', async (t) => {
  const { page, errors } = await openDonnees(t);
  await page.setInputFiles('#data-file', join(FIXTURES, 'classeur.xlsx'));
  await page.getByRole('alert').filter({ hasText: 'Ce fichier est un classeur' }).waitFor();
  assert.deepEqual(errors, []);
});

test('a file dropped on the page opens; an address opens when its site shares it, with a clear message when refused, failing or offline', async (t) => {
  const { page, errors } = await openDonnees(t);
  const text = readFileSync(join(FIXTURES, 'utf8-semicolon.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'depose.csv', { type: 'text/csv' }));
    return transfer;
  }, text);
  await page.dispatchEvent('.data-drop', 'drop', { dataTransfer });
  await page.locator('#data-summary', { hasText: '3 lignes de données' }).waitFor();
  await page.getByRole('heading', { name: 'depose.csv' }).waitFor();

  // An address on this server may be written from its path.
  await page.getByLabel('Ou ouvrir une adresse (en ligne)').fill('/absent.csv');
  await page.getByRole('button', { name: "Ouvrir l'adresse" }).click();
  await page.getByRole('alert').filter({ hasText: 'erreur (404)' }).waitFor();

  // Another site (another origin on loopback): a file it shares opens, one it keeps to
  // itself gives the message; an address that is not a web address is refused.
  const body = 'Commune;Population\r\nBriqueville;3000\r\nMurville;1200\r\n';
  const remote = createServer((request, response) => {
    const shared = { 'content-type': 'text/csv', 'access-control-allow-origin': '*' };
    if (request.url === '/partage.csv') response.writeHead(200, shared).end(body);
    else if (request.url === '/prive.csv') response.writeHead(200, { 'content-type': 'text/csv' }).end(body);
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => remote.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${remote.address().port}`;
  try {
    await page.getByLabel('Ou ouvrir une adresse (en ligne)').fill(`${origin}/partage.csv`);
    await page.getByRole('button', { name: "Ouvrir l'adresse" }).click();
    await page.locator('#data-summary', { hasText: '2 lignes de données' }).waitFor();
    await page.getByLabel('Ou ouvrir une adresse (en ligne)').fill(`${origin}/prive.csv`);
    await page.getByRole('button', { name: "Ouvrir l'adresse" }).click();
    await page.getByRole('alert').filter({ hasText: "il n'autorise pas une autre page à lire ses fichiers" }).waitFor();
  } finally {
    remote.close();
  }
  await page.getByLabel('Ou ouvrir une adresse (en ligne)').fill('ftp://exemple.fr/donnees.csv');
  await page.getByRole('button', { name: "Ouvrir l'adresse" }).click();
  await page.getByRole('alert').filter({ hasText: "n'est pas une adresse web" }).waitFor();
  await page.getByLabel('Ou ouvrir une adresse (en ligne)').fill(`${server.base}/absent.csv`);

  await page.context().setOffline(true);
  await page.getByRole('button', { name: "Ouvrir l'adresse" }).click();
  await page.getByRole('alert').filter({ hasText: 'Vous êtes hors ligne' }).waitFor();
  await page.context().setOffline(false);
  // The browser logs the 404 and the cross-origin refusal it was asked for; nothing else.
  assert.deepEqual(errors.filter((e) => !e.includes('404') && !/CORS|ERR_FAILED/.test(e)), []);
});

test('open a file, read the profile, build a bar chart, switch to misleading, export SVG', async (t) => {
  const { page, errors } = await openDonnees(t);
  await page.setInputFiles('#data-file', join(FIXTURES, 'bibliotheque-prets-briqueville.csv'));
  await page.locator('#data-summary', { hasText: '408 lignes de données' }).waitFor();
  assert.match(await page.locator('#data-summary').textContent(), /UTF-8/);
  const card = page.locator('.data-card', { has: page.getByRole('heading', { name: 'Bibliothèque', exact: true }) });
  assert.match(await card.textContent(), /3 valeurs différentes/);
  await page.getByRole('table').getByRole('cell', { name: 'Médiathèque centrale' }).first().waitFor();

  // Build: bars of the sum of loans by library.
  await page.getByLabel('Type de graphique').selectOption('bar');
  await page.getByLabel('Colonne en abscisse (catégories ou temps)').selectOption('Bibliothèque');
  await page.getByLabel('Valeurs', { exact: true }).selectOption('Prêts');
  await page.getByLabel('Titre', { exact: true }).fill('Prêts par bibliothèque');
  await page.getByLabel('Titre', { exact: true }).press('Tab');
  const chart = page.locator('#data-chart svg');
  await page.locator('#data-chart svg text', { hasText: 'Prêts par bibliothèque' }).waitFor();
  assert.equal(await chart.locator('rect').count() > 3, true);
  await page.locator('#data-chart svg text', { hasText: 'Bibliobus' }).waitFor();

  // Filter out one library: the chart redraws without it.
  await page.getByLabel('Colonne', { exact: true }).selectOption('Bibliothèque');
  await page.getByLabel('Condition').selectOption('ne');
  await page.getByLabel('Valeur', { exact: true }).fill('Bibliobus');
  await page.getByRole('button', { name: 'Ajouter le filtre' }).click();
  await page.getByRole('button', { name: 'Retirer le filtre « Bibliothèque est différent de « Bibliobus » »' }).waitFor();
  await page.locator('#data-chart svg text', { hasText: 'Bibliobus' }).waitFor({ state: 'detached' });

  // Misleading version side by side.
  await page.getByLabel('Montrer côte à côte avec une version trompeuse').selectOption('truncated_axis');
  await page.locator('#data-chart-misleading svg').waitFor();
  await page.locator('#data-chart-honest svg').waitFor();
  await page.getByText("L'axe vertical ne commence pas à zéro").waitFor();
  const honestLabels = await page.locator('#data-chart-honest svg text').allTextContents();
  const misleadingLabels = await page.locator('#data-chart-misleading svg text').allTextContents();
  assert.ok(honestLabels.some((t) => t.trim() === '0'), 'the honest axis starts at zero');
  assert.ok(!misleadingLabels.some((t) => t.trim() === '0'), 'the misleading axis does not');

  const svg = readFileSync(
    await download(page, page.getByRole('button', { name: /Enregistrer « Prêts par bibliothèque \(Trompeur\) » en SVG/ })),
    'utf8',
  );
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /Prêts par bibliothèque/);

  // The chart spec exports and re-imports.
  const spec = await download(page, page.getByRole('button', { name: 'Graphique (JSON)', exact: true }));
  const json = JSON.parse(readFileSync(spec, 'utf8'));
  assert.equal(json.format, 'briques-chart');
  assert.equal(json.kind, 'bar');
  assert.equal(json.x, 'Bibliothèque');
  assert.deepEqual(json.filters, [{ column: 'Bibliothèque', op: 'ne', value: 'Bibliobus' }]);
  await page.getByLabel('Type de graphique').selectOption('pie');
  await page.setInputFiles('#chart-import', spec);
  await page.waitForFunction(() => document.querySelector('#chart-kind')?.value === 'bar');
  const csv = readFileSync(await download(page, page.getByRole('button', { name: 'Données du graphique (CSV)' })), 'utf8');
  assert.match(csv, /Médiathèque centrale;/);
  assert.deepEqual(errors, []);
});

test('axe-core finds nothing on the Données page with a chart, normal and projector mode', async (t) => {
  const { page, errors } = await openDonnees(t);
  // A chart with a filter, shown side by side with its misleading version.
  await openLoans(page);
  await page.getByLabel('Colonne', { exact: true }).selectOption('Bibliothèque');
  await page.getByLabel('Condition').selectOption('ne');
  await page.getByLabel('Valeur', { exact: true }).fill('Bibliobus');
  await page.getByRole('button', { name: 'Ajouter le filtre' }).click();
  await page.getByRole('button', { name: /^Retirer le filtre/ }).waitFor();
  await page.getByLabel('Montrer côte à côte avec une version trompeuse').selectOption('truncated_axis');
  await page.locator('#data-chart-misleading svg').waitFor();
  await page.locator('#data-chart-honest svg').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html.projector');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  assert.deepEqual(errors, []);
});

test('a long file scrolls through every row, with only the rows in view in the document', async (t) => {
  const { page, errors } = await openDonnees(t);
  const lines = ['n;commune;montant'];
  for (let i = 1; i <= 100_000; i++) lines.push(`${i};Commune ${i % 50};${(i * 1.5).toFixed(1).replace('.', ',')}`);
  await page.setInputFiles('#data-file', { name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.locator('#data-summary', { hasText: /100\s000 lignes de données/ }).waitFor();
  const table = page.getByRole('region', { name: /^Lignes \d.* sur 100\s000$/ });
  const rowHeader = (n) => table.getByRole('rowheader', { name: String(n), exact: true });
  const rendered = () => table.locator('tbody tr').count();
  await rowHeader(1).waitFor();
  assert.ok(await rendered() <= 15, 'only the rows in view are rendered');
  assert.equal(await table.getByRole('table').getAttribute('aria-rowcount'), '100001');

  // Any row by its number, then a screenful further with the button.
  await page.getByLabel('Aller à la ligne').fill('54321');
  await page.getByLabel('Aller à la ligne').press('Enter');
  await rowHeader(54_321).waitFor();
  assert.equal(await table.locator('tbody tr').first().getAttribute('aria-rowindex'), '54322');
  await page.getByRole('button', { name: 'Lignes suivantes' }).click();
  await rowHeader(54_336).waitFor();
  await page.locator('#data-preview-caption', { hasText: /54\s336 à 54\s350 sur 100\s000/ }).waitFor();
  // The keyboard scrolls the region (smoothly, so each step waits for where it ends):
  // End reaches the last row, Home the first, Page Down the next screenful.
  await table.focus();
  await page.keyboard.press('End');
  await rowHeader(100_000).waitFor();
  await page.keyboard.press('Home');
  await rowHeader(1).waitFor();
  await page.keyboard.press('PageDown');
  await rowHeader(1).waitFor({ state: 'detached' });

  assert.ok(await rendered() <= 15);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('on a 360 px phone, a loaded file and the side-by-side lesson need no horizontal scrolling', async (t) => {
  const phone = await openDonnees(t, { viewport: { width: 360, height: 740 } });
  await openLoans(phone.page);
  await phone.page.getByLabel('Montrer côte à côte avec une version trompeuse').selectOption('too_many_slices');
  await phone.page.locator('#data-chart-misleading svg').waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page overflows by ${overflow}px`);
  assert.deepEqual(phone.errors, []);
});

// ---------------------------------------------------------------------------
// A first workshop without a stumble: what the Données page shows after each action,
// in the words and numbers people read.

const PACK = '/donnees?pack=lire-un-graphique';
const DUAL = '« Les animations font venir le public » (double axe)';
const TRUNCATED = '« La fréquentation explose ! » (axe tronqué)';

/** Opens the chart pack's page and waits for its first prepared chart; unless
 * `workshop`, leaves workshop mode (the pack's own titles, explanations shown). */
async function openPack(t, options, { workshop = false } = {}) {
  const opened = await openPage(browser, { acceptDownloads: true, ...options });
  t.after(() => opened.context.close());
  await opened.page.goto(`${server.base}${PACK}`);
  await waitForHeading(opened.page, TITLE);
  await opened.page.locator('#data-chart svg text', { hasText: 'Graphique 1' }).waitFor();
  if (!workshop) {
    await opened.page.getByLabel(/^Mode atelier/).uncheck();
    await opened.page.locator('#data-chart svg text', { hasText: 'Entrées par an' }).waitFor();
  }
  return opened;
}

/** The texts of a chart's SVG. */
function chartTexts(page, selector) {
  return page.locator(`${selector} svg text`).allTextContents().then((all) => all.map((t) => t.trim()));
}

/** Whether the element's top is within the window. */
function inView(page, selector) {
  return page.locator(selector).evaluate((e) => {
    const box = e.getBoundingClientRect();
    // Scrolled to the top of the window, up to rounding.
    return box.top > -2 && box.top < window.innerHeight && box.height > 0;
  });
}

test('years read as years, dates in words and measures by their name (profile, preview, axes)', async (t) => {
  const { page, errors } = await openPack(t);
  const card = (name) => page.locator('.data-card', { has: page.getByRole('heading', { name, exact: true }) });
  assert.match(await card('Année').textContent(), /Des années \(13 différentes\), de 2012 à 2024\./);
  assert.match(await card('Entrées').textContent(), /de 8\u202f900 à 16\u202f900/);
  await page.getByRole('table').getByRole('cell', { name: '2012', exact: true }).waitFor();
  const texts = await chartTexts(page, '#data-chart');
  for (const year of ['2012', '2016', '2024']) assert.ok(texts.includes(year), `${year} in ${texts}`);
  assert.ok(!texts.some((t) => /^2\s0[12]\d/.test(t) || /^20\d\d,/.test(t)), `no "2 012" nor "2012,0": ${texts}`);
  assert.ok(texts.includes('Somme des entrées'), texts.join(' | '));

  // The loans file: a column of months reads in words, on the card and on a time axis.
  await page.setInputFiles('#data-file', join(FIXTURES, 'bibliotheque-prets-briqueville.csv'));
  await page.locator('#data-summary', { hasText: '408 lignes de données' }).waitFor();
  assert.match(await card('Mois').textContent(), /Des dates \(24 différentes\), de janv\. 2023 à déc\. 2024\./);
  await page.getByLabel('Type de graphique').selectOption('line');
  await page.getByLabel('Colonne en abscisse (catégories ou temps)').selectOption('Mois');
  await page.locator('#data-chart svg text', { hasText: 'janv. 2023' }).waitFor();
  assert.ok(!(await chartTexts(page, '#data-chart')).some((t) => /^20\d\d-\d\d/.test(t)));
  assert.deepEqual(errors, []);
});

/** Texts of the chart at `selector` that overlap another, in the page's pixels. */
function overlappingTexts(page, selector) {
  return page.locator(`${selector} svg`).evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim())
      .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }));
    const clash = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].box, boxes[j].box];
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 1 && dy > 1) clash.push(`${boxes[i].text} × ${boxes[j].text}`);
      }
    }
    return clash;
  });
}

test('the dual-axes chart shows each axis once, no text over another, the legend above the lines (page and projector)', async (t) => {
  const { page, errors } = await openPack(t);
  await page.getByRole('button', { name: DUAL }).click();
  await page.locator('#data-chart svg text', { hasText: 'Somme des animations' }).first().waitFor();
  for (const mode of ['page', 'projecteur']) {
    const texts = await chartTexts(page, '#data-chart');
    assert.equal(texts.filter((t) => t === '60').length, 1, `${mode}: the right axis' numbers once`);
    assert.equal(texts.filter((t) => t === '16\u202f000').length, 1, `${mode}: the left axis' numbers once`);
    assert.deepEqual(await overlappingTexts(page, '#data-chart'), [], mode);
    // The legend is above every point of the lines.
    const [legendBottom, topPoint] = await page.locator('#data-chart svg').evaluate((svg) => {
      const legend = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() === 'Somme des animations');
      const points = [...svg.querySelectorAll('circle')].map((c) => c.getBoundingClientRect().top);
      return [Math.min(...legend.map((t) => t.getBoundingClientRect().bottom)), Math.min(...points)];
    });
    assert.ok(legendBottom < topPoint, `${mode}: legend ${legendBottom} over the lines from ${topPoint}`);
    if (mode === 'page') {
      await page.getByRole('button', { name: 'Mode projecteur' }).click();
      await page.waitForSelector('html.projector');
    }
  }
  // Exported, it says which chart it is and that it misleads.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Enregistrer « ${DUAL} (Trompeur) » en PNG` }).click(),
  ]);
  assert.equal(png.suggestedFilename(), 'les-animations-font-venir-le-public-double-axe-trompeur.png');
  const svg = readFileSync(
    await download(page, page.getByRole('button', { name: `Enregistrer « ${DUAL} (Trompeur) » en SVG` })),
    'utf8',
  );
  assert.match(svg, /double axe\) — trompeur/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('each lesson shows its trick on the loans file, or says why it barely shows', async (t) => {
  const { page, errors } = await openDonnees(t);
  await openLoans(page);
  const lesson = page.getByLabel('Montrer côte à côte avec une version trompeuse');
  const weak = page.locator('.data-lesson-weak');
  // Libraries whose loans are far apart: cutting the axis changes little, and it says so.
  await lesson.selectOption('truncated_axis');
  await weak.filter({ hasText: 'la plus petite est loin de la plus grande' }).waitFor();
  // Cherry-picking on bars by library takes the months, and shows the steepest rise.
  await lesson.selectOption('cherry_picked');
  await page.locator('#data-chart-misleading svg text', { hasText: '2024' }).first().waitFor();
  assert.equal(await weak.count(), 0);

  // Loans by month: the truncated axis starts above 80 % of the smallest month (1 730).
  await lesson.selectOption('');
  await page.getByLabel('Type de graphique').selectOption('line');
  await page.getByLabel('Colonne en abscisse (catégories ou temps)').selectOption('Mois');
  await page.locator('#data-chart svg text', { hasText: 'janv. 2023' }).waitFor();
  await lesson.selectOption('truncated_axis');
  await page.locator('#data-chart-misleading svg').waitFor();
  const numbers = (texts) => texts.map((t) => Number(t.replace(/\u202f/g, ''))).filter((n) => Number.isFinite(n) && n > 100);
  const lowest = Math.min(...numbers(await chartTexts(page, '#data-chart-misleading')));
  assert.ok(lowest >= 0.8 * 1730, `the misleading axis starts at ${lowest}`);
  assert.ok((await chartTexts(page, '#data-chart-honest')).includes('0'));
  assert.equal(await weak.count(), 0);
  // Too many slices on months: the honest version is a line in time order, no "Autres".
  await lesson.selectOption('too_many_slices');
  await page.locator('#data-chart-honest svg text', { hasText: 'janv. 2023' }).waitFor();
  assert.ok(!(await chartTexts(page, '#data-chart-honest')).includes('Autres'));
  assert.equal(await weak.count(), 0);
  assert.deepEqual(errors, []);
});

test('after opening a file or choosing a prepared chart, the result is in view, focused and announced', async (t) => {
  const { page, errors } = await openPack(t, { viewport: { width: 1280, height: 720 } });
  const status = page.locator('p.visually-hidden[role="status"]');
  // The pack's own file opens with the page: the prepared charts stay where they are.
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'data-result');
  await page.getByRole('button', { name: TRUNCATED }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'data-result');
  assert.ok(await inView(page, '#data-result'), 'the chart is in view');
  await page.getByRole('heading', { name: `${TRUNCATED} (Trompeur)` }).waitFor();
  await status.filter({ hasText: `Graphique « ${TRUNCATED} » affiché.` }).waitFor();

  // A file opened: its name and summary come into view, focused, and are announced.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setInputFiles('#data-file', join(FIXTURES, 'bibliotheque-prets-briqueville.csv'));
  await page.waitForFunction(() => document.activeElement?.id === 'data-summary-title');
  assert.ok(await inView(page, '#data-summary-title'), 'the file is in view');
  await status.filter({ hasText: 'Fichier « bibliotheque-prets-briqueville.csv » ouvert. Encodage : UTF-8' }).waitFor();
  assert.match(await status.textContent(), /408 lignes de données/);
  assert.deepEqual(errors, []);
});

test('exported files are named after the chart, the misleading one "trompeur"', async (t) => {
  const { page, errors } = await openDonnees(t);
  await openLoans(page);
  await page.getByLabel('Titre', { exact: true }).fill('Prêts par bibliothèque');
  await page.getByLabel('Titre', { exact: true }).press('Tab');
  await page.locator('#data-chart svg text', { hasText: 'Prêts par bibliothèque' }).waitFor();
  const name = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return file.suggestedFilename();
  };
  assert.equal(await name('Enregistrer « Prêts par bibliothèque » en SVG'), 'prets-par-bibliotheque.svg');
  await page.getByLabel('Montrer côte à côte avec une version trompeuse').selectOption('truncated_axis');
  await page.locator('#data-chart-misleading svg text', { hasText: 'Prêts par bibliothèque — trompeur' }).waitFor();
  assert.equal(
    await name('Enregistrer « Prêts par bibliothèque (Trompeur) » en PNG'),
    'prets-par-bibliotheque-trompeur.png',
  );
  assert.equal(
    await name('Enregistrer « Prêts par bibliothèque (Honnête) » en SVG'),
    'prets-par-bibliotheque-honnete.svg',
  );
  assert.ok((await chartTexts(page, '#data-chart-honest')).includes('Somme des prêts'));
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// Real files as they come: title lines, repeated headers, quote irregularities and
// other alphabets, read on the page as `core/fixtures/real-csv/expected.json` says
// (computed outside Briques).

const REAL = join(here, '..', '..', 'core', 'fixtures', 'real-csv');
const EXPECTED = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')).cases;

test('real files with title lines, repeated headers or irregular quotes open with their rows and the lines named', async (t) => {
  const { page, errors } = await openDonnees(t);
  const files = ['1-title-lines/titre-avec-virgules-tabulations.txt', '2-repeated-headers/insee-populations-bom-crlf-concatenees.csv',
    '3-quote-irregularities/antislash-guillemets.csv', '3-quote-irregularities/texte-apres-guillemet-fermant.csv'];
  for (const file of files) {
    const expected = EXPECTED.find((c) => c.file === file);
    const name = file.split('/')[1];
    await page.setInputFiles('#data-file', join(REAL, file));
    await page.locator('#data-summary-title', { hasText: name }).waitFor();
    const summary = await page.locator('#data-summary').textContent();
    const separator = `« ${expected.separator === '\t' ? 'tabulation' : expected.separator} »`;
    assert.ok(summary.includes(separator), `${file}: ${summary}`);
    assert.match(summary, new RegExp(`\\b${expected.rows} lignes de données`), `${file}: ${summary}`);
    assert.match(summary, new RegExp(`\\b${expected.columns.length} colonnes`), `${file}: ${summary}`);
    const cards = await page.locator('.data-card h3').allTextContents();
    assert.deepEqual(cards, expected.columns, file);
    const warnings = (await page.locator('.data-warnings li').allTextContents()).join('\n');
    if (expected.skipped_lines) assert.match(warnings, new RegExp(`${expected.skipped_lines} lignes? de titre ignorées? avant l'en-tête`), `${file}: ${warnings}`);
    if (expected.repeated_headers) assert.match(warnings, new RegExp(`${expected.repeated_headers} lignes? d'en-tête répétées? dans les données`), `${file}: ${warnings}`);
    for (const line of expected.irregular_lines) assert.match(warnings, new RegExp(`ligne ${line} : `), `${file}, line ${line}: ${warnings}`);
  }
  // A file in another alphabet is refused by name, and the last file stays on screen.
  await page.setInputFiles('#data-file', join(REAL, '4-encodings/cyrillique-windows-1251.csv'));
  await page.getByRole('alert').filter({ hasText: 'cyrillique' }).waitFor();
  await page.locator('#data-summary-title', { hasText: 'texte-apres-guillemet-fermant.csv' }).waitFor();
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// Workshop mode: the prepared charts give nothing away (neutral titles, on screen and
// in exported images), explanations on demand, the answer key apart; prints of every
// chart (two per A4 page), of the answer key, of blank axes with a round scale; and
// statistical secrecy on counts of people.

const ROOT = join(here, '..', '..');

/** The rows of a semicolon CSV of the repository, as objects by column name. */
function csvRows(path) {
  const [header, ...lines] = readFileSync(join(ROOT, path), 'utf8').trim().split('\n');
  const names = header.split(';');
  return lines.map((line) => Object.fromEntries(line.split(';').map((v, i) => [names[i], v])));
}

/** Number written the French way, as the page does (narrow no-break space). */
const fr = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

/** Pages of a PDF made by Chromium (page objects are written uncompressed). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

/** A page whose window.print() records its calls instead of opening a dialog. */
async function withPrint(page) {
  await page.addInitScript(() => {
    window.print = () => { window.__printed = (window.__printed || 0) + 1; };
  });
}

test('workshop mode: neutral titles on screen and in exports, explanations on demand, the answer key apart', async (t) => {
  const { page, errors } = await openPack(t, {}, { workshop: true });
  const presets = (await page.locator('.data-presets > li > button:first-child').allTextContents()).map((s) => s.trim());
  const charts = readFileSync(join(ROOT, 'workshops/lire-un-graphique/pack.toml'), 'utf8').match(/\[\[activites\.graphiques\]\]/g).length;
  assert.deepEqual(presets, Array.from({ length: charts }, (_, i) => `Graphique ${i + 1}`));
  // Nothing on the panel names a trick before anyone asks.
  const visible = await page.locator('.data-pack').innerText();
  for (const word of ['axe tronqué', 'explose', 'double axe', 'Trompeur']) assert.ok(!visible.includes(word), `${word} in ${visible}`);

  // The explanation stays hidden until asked.
  const show = page.getByRole('button', { name: "Voir l'explication (Graphique 2)" });
  assert.equal(await show.getAttribute('aria-expanded'), 'false');
  const note = page.locator('#data-preset-note-1');
  assert.equal(await note.isVisible(), false);
  await show.click();
  assert.equal(await show.getAttribute('aria-expanded'), 'true');
  assert.match(await note.innerText(), /L'axe commence à 14 000/);

  // The misleading chart is drawn and exported under its neutral title.
  await page.getByRole('button', { name: 'Graphique 2', exact: true }).click();
  await page.locator('#data-chart svg text', { hasText: 'Graphique 2' }).first().waitFor();
  const texts = await chartTexts(page, '#data-chart');
  assert.ok(!texts.some((t) => /Trompeur|explose|tronqué/.test(t)), texts.join(' | '));
  const svg = readFileSync(await download(page, page.getByRole('button', { name: 'Enregistrer « Graphique 2 » en SVG' })), 'utf8');
  assert.match(svg, /Graphique 2/);
  assert.doesNotMatch(svg, /Trompeur|explose|tronqué/);

  // The answer key, apart: each chart's original title, trick and explanation.
  const key = page.getByRole('button', { name: 'Corrigé', exact: true });
  assert.equal(await key.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#data-key').isVisible(), false);
  await key.click();
  assert.equal(await key.getAttribute('aria-expanded'), 'true');
  const row = page.locator('#data-key tr', { has: page.getByRole('rowheader', { name: 'Graphique 2', exact: true }) });
  assert.match(await row.innerText(), /« La fréquentation explose ! » \(axe tronqué\)[\s\S]*Axe tronqué[\s\S]*L'axe commence à 14 000/);
  assert.match(await page.locator('#data-key tr', { has: page.getByRole('rowheader', { name: 'Graphique 1', exact: true }) }).innerText(), /graphique honnête/);
  assert.deepEqual(await axeViolations(page), []);

  // Out of workshop mode, the pack's own titles come back.
  await page.getByLabel(/^Mode atelier/).uncheck();
  await page.getByRole('button', { name: '« La fréquentation explose ! » (axe tronqué)', exact: true }).waitFor();
  await page.locator('#data-chart svg text', { hasText: 'Trompeur' }).first().waitFor();
  assert.deepEqual(errors, []);
});

test('the prepared charts print two per A4 page under neutral titles; the answer key prints alone', async (t) => {
  const opened = await openPage(browser, { acceptDownloads: true });
  t.after(() => opened.context.close());
  const { page, errors } = opened;
  await withPrint(page);
  await page.goto(`${server.base}${PACK}`);
  await page.locator('#data-chart svg text', { hasText: 'Graphique 1' }).waitFor();
  const charts = readFileSync(join(ROOT, 'workshops/lire-un-graphique/pack.toml'), 'utf8').match(/\[\[activites\.graphiques\]\]/g).length;

  await page.getByRole('button', { name: 'Imprimer les graphiques' }).click();
  await page.waitForFunction(() => window.__printed >= 1);
  assert.equal(await page.locator('.data-page').getAttribute('data-print'), 'charts');
  await page.emulateMedia({ media: 'print' });
  const prints = page.locator('.data-print-chart');
  assert.equal(await prints.count(), charts);
  for (let i = 0; i < charts; i++) {
    assert.ok(await prints.nth(i).isVisible());
    const words = (await prints.nth(i).locator('svg text').allTextContents()).join(' | ');
    assert.ok(words.includes(`Graphique ${i + 1}`), words);
    assert.doesNotMatch(words, /Trompeur|explose|tronqué|double axe|trop de parts/);
  }
  // Nothing else prints: not the page's title, the pack panel, nor the builder.
  for (const hidden of ['h1', '.data-pack', '.data-builder', '#data-chart']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pageCount(pdf), Math.ceil(charts / 2));

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Corrigé', exact: true }).click();
  await page.getByRole('button', { name: 'Imprimer le corrigé' }).click();
  await page.waitForFunction(() => window.__printed >= 2);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.data-page').getAttribute('data-print'), 'key');
  assert.ok(await page.locator('.data-print-key').isVisible());
  assert.equal(await page.locator('.data-print-charts').isVisible(), false);
  assert.match(await page.locator('.data-print-key').innerText(), /« Les animations font venir le public » \(double axe\)/);
  assert.deepEqual(errors, []);
});

test('blank axes for drawing by hand: from zero, a round step reaching the largest value, every year', async (t) => {
  const opened = await openPage(browser, {});
  t.after(() => opened.context.close());
  const { page, errors } = opened;
  await withPrint(page);
  await page.goto(`${server.base}${PACK}`);
  await page.locator('#data-chart svg text', { hasText: 'Graphique 1' }).waitFor();
  // The expected scale, found here by trying 1, 2, 5 × 10^k: at most ten steps.
  const rows = csvRows('workshops/lire-un-graphique/donnees/mediatheque-briqueville.csv');
  const max = Math.max(...rows.map((r) => Number(r['Entrées'])));
  const step = [1, 2, 5].flatMap((m) => [0, 1, 2, 3, 4, 5].map((e) => m * 10 ** e)).sort((a, b) => a - b).find((s) => s * 10 >= max);
  const top = Math.ceil(max / step) * step;
  assert.ok(top >= max && top - step < max);
  const sentence = await page.locator('#data-hand-scale').innerText();
  assert.ok(sentence.includes(`de 0 à ${fr(top)}, une ligne tous les ${fr(step)} (${top / step} graduations)`), sentence);

  await page.getByRole('button', { name: 'Imprimer des axes vierges' }).click();
  await page.waitForFunction(() => window.__printed >= 1);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.data-print-axes');
  assert.ok(await sheet.isVisible());
  assert.equal(await page.locator('.data-builder').isVisible(), false);
  const labels = (await sheet.locator('svg text').allTextContents()).map((s) => s.trim());
  for (let k = 0; k <= top / step; k++) assert.ok(labels.includes(fr(k * step)), `${fr(k * step)} in ${labels}`);
  for (const row of rows) assert.ok(labels.includes(row['Année']), row['Année']);
  // Blank: lines and words only, no bar nor curve.
  assert.equal(await sheet.locator('svg path, svg polyline, svg rect[height]:not([x="0"])').count(), 0);
  // The values to place, under the axes.
  const values = await sheet.locator('table').innerText();
  assert.ok(values.includes(fr(rows[0]['Entrées'])), values);
  assert.deepEqual(errors, []);
});

test('statistical secrecy: small counts of people are hidden on the page, in the chart and in its CSV, and cannot be recomputed', async (t) => {
  const opened = await openPage(browser, { acceptDownloads: true });
  t.after(() => opened.context.close());
  const { page, errors } = opened;
  await page.goto(`${server.base}/donnees?pack=donnees-ouvertes-territoire`);
  await page.locator('#data-chart svg text', { hasText: 'Graphique 1' }).waitFor();
  // Expected, from the file: counts by quartier; those of 1 to 10 hidden; if only one
  // is, the smallest other count above zero is hidden too (the total is shown).
  const byQuartier = new Map();
  for (const r of csvRows('workshops/donnees-ouvertes-territoire/donnees/ecole-musique-briqueville.csv')) {
    byQuartier.set(r.Quartier, (byQuartier.get(r.Quartier) || 0) + Number(r.Inscrits));
  }
  const small = [...byQuartier].filter(([, n]) => n > 0 && n < 11).map(([q]) => q);
  assert.equal(small.length, 1, 'the fixture has one small quartier');
  const [companion] = [...byQuartier].filter(([q, n]) => !small.includes(q) && n > 0).sort((a, b) => a[1] - b[1])[0];
  const total = [...byQuartier.values()].reduce((a, b) => a + b, 0);

  await page.getByLabel('Ce graphique compte des personnes : appliquer le secret statistique').check();
  const table = page.getByRole('table', { name: 'Les effectifs du graphique, après masquage' });
  await table.waitFor();
  const cell = async (name) => (await table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').innerText()).trim();
  assert.equal(await cell(small[0]), '< 11');
  assert.equal(await cell(companion), 'secret');
  assert.equal(await cell('Total'), String(total));
  for (const [q, n] of byQuartier) {
    if (q !== small[0] && q !== companion) assert.equal(await cell(q), String(n));
  }
  await page.getByText('Effectifs masqués : 1 car inférieurs à 11, 1 de plus').waitFor();
  // Neither hidden number can be read in the exported CSV.
  const csv = readFileSync(await download(page, page.getByRole('button', { name: 'Données du graphique (CSV)' })), 'utf8');
  assert.match(csv, new RegExp(`${small[0]};< 11`));
  assert.match(csv, new RegExp(`${companion};secret`));
  assert.doesNotMatch(csv, new RegExp(`;(${byQuartier.get(small[0])}|${byQuartier.get(companion)})\\r?\\n`));
  assert.deepEqual(await axeViolations(page), []);

  // A mean is not a count: the page says the rule does not apply.
  await page.getByLabel('Calcul').selectOption('mean');
  await page.getByText('Le secret statistique s\'applique ici aux graphiques par catégories').waitFor();
  assert.deepEqual(errors, []);
});
