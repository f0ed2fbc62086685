// The Ateliers page in headless Chromium: the library lists the four bundled packs
// and filters them; a pack's page shows its sheets and timeline; "Lancer l'atelier"
// loads the pack's survey into the Duplo page (asking before replacing answers) and
// opens the budget page with the pack's settings; the handout prints to one A4 page
// and the sheets one per page, without the navigation; export → import never
// overwrites silently; editing saves a local version; axe-core finds nothing in
// normal and projector mode. Each test gets its own browser context (its own local
// storage), so none depends on what another did.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const DUPLO = 'Les données en Duplo';
const BUDGET = 'Le budget de ma commune';
const CHARTS = 'Lire et construire un graphique';
const OPEN_DATA = 'Les données ouvertes de mon territoire';
const DEBATE = 'Rien à cacher ?';

let server;
let browser;
let context;
let page;
let errors;
const work = mkdtempSync(join(tmpdir(), 'briques-ateliers-'));

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

beforeEach(async () => {
  ({ context, page, errors } = await openPage(browser, { acceptDownloads: true }));
  // window.print() opens no dialog in a test: record the call instead.
  await page.addInitScript(() => {
    window.print = () => { window.__printed = (window.__printed || 0) + 1; };
  });
});

afterEach(async () => {
  await context?.close();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

const cards = () => page.locator('.pack-card');

async function openLibrary() {
  await page.goto(`${server.base}/ateliers`);
  await waitForHeading(page, 'Ateliers');
  await page.waitForFunction(() => document.querySelectorAll('.pack-card').length >= 5);
}

async function openPack(title) {
  await openLibrary();
  await page.getByRole('link', { name: title, exact: true }).click();
  await waitForHeading(page, title);
}

/** Text-drawing operations on each page of a PDF made by Chromium (page objects are
 * written uncompressed, each page's content is one deflated stream): a page holding only
 * a line or two has a handful. */
function textOpsPerPage(pdf) {
  const text = pdf.toString('latin1');
  const ops = [];
  for (const page of text.matchAll(/<<\/Type \/Page\n[\s\S]*?\/Contents (\d+) 0 R/g)) {
    const head = new RegExp(`\\n${page[1]} 0 obj\\n<</Filter /FlateDecode\\n/Length (\\d+)>> stream\\n`).exec(text);
    assert.ok(head, `content stream ${page[1]}`);
    const start = head.index + head[0].length;
    const content = inflateSync(pdf.subarray(start, start + Number(head[1]))).toString('latin1');
    ops.push((content.match(/T[Jj]\b/g) || []).length);
  }
  return ops;
}

/** Pages of a PDF made by Chromium (page objects are written uncompressed). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test('the library lists the bundled packs and filters them by audience and duration', async () => {
  await openLibrary();
  assert.equal(await cards().count(), 5);
  for (const title of [DUPLO, BUDGET, CHARTS, OPEN_DATA, DEBATE]) {
    await page.getByRole('link', { name: title, exact: true }).waitFor();
  }
  await page.getByLabel('Public').selectOption('elus');
  await page.waitForFunction(() => document.querySelectorAll('.pack-card').length === 2);
  const forElected = (await cards().allTextContents()).join(' | ');
  assert.match(forElected, /budget de ma commune/);
  assert.match(forElected, /données ouvertes de mon territoire/);
  await page.getByLabel('Public').selectOption('');
  await page.getByLabel('Durée').selectOption('45');
  await page.waitForFunction(() => document.querySelectorAll('.pack-card').length === 5);
  await page.getByLabel('Durée').selectOption('0');
  assert.deepEqual(errors, []);
});

test('axe-core finds nothing on the library, normal and projector mode', async () => {
  await openLibrary();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html.projector');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html:not(.projector)');
});

test('a pack shows its facts, its timelines and every sheet rendered', async () => {
  await openPack(DUPLO);
  assert.equal(new URL(page.url()).searchParams.get('pack'), 'donnees-en-duplo');
  assert.equal(await page.locator('article.sheet').count(), 11);
  // The list of sheets names each once ("Contexte — Contexte — …" said it twice).
  const index = await page.locator('.sheet-index li').allTextContents();
  assert.ok(index.includes('Contexte — pourquoi cet atelier, pour qui, quoi préparer'), index.join(' | '));
  assert.ok(index.every((t) => !/^([^—]+) — \1/i.test(t)), index.join(' | '));
  const timelines = page.locator('.timeline');
  assert.equal(await timelines.count(), 2);
  await page.getByText('Qui est unique ?', { exact: true }).first().waitFor();
  assert.match(await page.locator('.timeline-total').first().textContent(), /1 h 30/);
  // Markdown became elements: tables, lists, emphasis — no raw markup shown.
  assert.ok(await page.locator('article.sheet table').count() >= 2);
  assert.equal(await page.locator('article.sheet').filter({ hasText: '**' }).count(), 0);
});

test('axe-core finds nothing on a pack page, normal and projector mode', async () => {
  await openPack(DUPLO);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html.projector');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html:not(.projector)');
});

test('launching the Duplo pack asks before replacing answers, then loads its survey', async () => {
  // A session with one answer is open on the Duplo page.
  const survey = JSON.parse(readFileSync(join(root, 'workshops/donnees-en-duplo/questionnaire.json'), 'utf8')).survey;
  survey.questions = survey.questions.slice(0, 2);
  survey.title = 'Ancienne session';
  await openPack(DUPLO);
  await page.evaluate((s) => localStorage.setItem('briques.duplo.session', JSON.stringify({
    format: 'briques-duplo', version: 1, survey: s,
    responses: [{ participant: 1, answers: { 'fromage-dessert': 'fromage' } }],
  })), survey);

  // Two questionnaires, one button each, named by its title.
  const launch = page.getByRole('button', { name: "Lancer l'atelier : Les données en Duplo", exact: true });
  await page.getByRole('button', { name: "Lancer l'atelier : Les données en Duplo (collège, lycée)", exact: true }).waitFor();
  page.once('dialog', (dialog) => dialog.dismiss());
  await launch.click();
  await page.waitForFunction(() => localStorage.getItem('briques.duplo.session').includes('Ancienne session'));
  assert.equal(new URL(page.url()).pathname, '/ateliers');

  page.once('dialog', (dialog) => dialog.accept());
  await launch.click();
  await waitForHeading(page, DUPLO);
  assert.equal(new URL(page.url()).pathname, '/duplo');
  await page.getByRole('button', { name: '5. Votre âge ?' }).waitFor();
  assert.equal(await page.locator('#participant-count').textContent(), '0');
  assert.deepEqual(errors, []);
});

test('launching the budget pack opens the budget page with its settings', async () => {
  await openPack(BUDGET);
  // Launched from a page scrolled down: the next page must not open in its middle, and
  // focus goes to its main region (announced by screen readers).
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the pack page is scrolled');
  await page.getByRole('button', { name: "Lancer l'atelier : Si j'étais maire" }).evaluate((button) => button.click());
  await page.waitForURL((url) => url.pathname === '/budget');
  await page.waitForFunction(() => window.scrollY === 0 && document.activeElement?.id === 'main');
  // The budget page shows what the pack asks for (and keeps it in its own, shorter URL).
  await page.getByRole('heading', { level: 2, name: "Si j'étais maire" }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Briqueville · compte administratif 2023' }).waitFor();
  assert.deepEqual(Object.fromEntries(new URL(page.url()).searchParams), { commune: 'demo', annee: '2023', onglet: 'maire' });
  await openPack(BUDGET);
  await page.getByRole('button', { name: "Lancer l'atelier : explorer le budget" }).click();
  await page.waitForURL((url) => url.pathname === '/budget');
  await page.getByRole('heading', { level: 2, name: 'Briqueville · compte administratif 2023' }).waitFor();
  await page.getByRole('heading', { level: 2, name: "Où va l'argent ?" }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Par habitant' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(Object.fromEntries(new URL(page.url()).searchParams), { commune: 'demo', annee: '2023', hab: '1' });
  await openPack(CHARTS);
  await page.getByRole('button', { name: "Lancer l'atelier", exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/donnees');
  assert.equal(new URL(page.url()).searchParams.get('pack'), 'lire-un-graphique');
  // The Données page opens the pack's dataset with its first prepared chart.
  await page.getByRole('heading', { level: 2, name: /^Atelier « / }).waitFor();
  await page.getByText('mediatheque-briqueville.csv').first().waitFor();
  // In workshop mode the prepared charts carry neutral titles: nothing names the trick.
  await page.getByRole('button', { name: 'Graphique 2', exact: true }).click();
  await page.locator('#data-chart svg').filter({ hasText: 'Graphique 2' }).waitFor();
  assert.equal(await page.locator('#data-chart svg').filter({ hasText: 'axe tronqué' }).count(), 0);
});

test('the handout prints to one A4 page and the sheets one per page, without the navigation', async () => {
  for (const title of [DUPLO, BUDGET, CHARTS]) {
    await openPack(title);
    await page.getByRole('button', { name: 'Imprimer la fiche participant' }).click();
    await page.waitForFunction(() => window.__printed >= 1);
    assert.equal(await page.locator('.pack-detail').getAttribute('data-print'), 'participant');
    const handout = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(work, `${title}-fiche.pdf`), handout);
    assert.equal(pageCount(handout), 1, `${title}: the handout fits on one page`);

    await page.getByRole('button', { name: 'Imprimer les fiches' }).click();
    await page.waitForFunction(() => document.querySelector('.pack-detail').dataset.print === 'sheets');
    const sheets = await page.pdf({ format: 'A4', printBackground: true });
    const sheetCount = await page.locator('article.sheet').count();
    assert.ok(pageCount(sheets) >= sheetCount, `${title}: ${pageCount(sheets)} pages for ${sheetCount} sheets`);
    // No page holds only a line or two (it was the credit line, alone after a full page).
    const ops = textOpsPerPage(sheets);
    assert.equal(ops.length, pageCount(sheets));
    assert.ok(ops.every((n) => n >= 10), `${title}: text operations per page ${ops}`);

    // The easy-read sheets alone, in large print (14 pt at least), left-aligned.
    await page.getByRole('button', { name: 'Imprimer en gros caractères (facile à lire)' }).click();
    await page.waitForFunction(() => document.querySelector('.pack-detail').dataset.print === 'facile-a-lire');
    const easyCount = await page.locator('article.sheet-facile-a-lire').count();
    assert.ok(easyCount >= 2, `${title}: an easy-read handout and a picture glossary`);
    const easy = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(work, `${title}-facile.pdf`), easy);
    assert.ok(pageCount(easy) >= easyCount && pageCount(easy) <= 3 * easyCount, `${title}: ${pageCount(easy)} pages`);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => [...document.querySelectorAll('.pack-detail > *')]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => el.classList.contains('sheet-facile-a-lire')));
    assert.ok(printed.length === easyCount && printed.every(Boolean), `${title}: only the easy-read sheets print`);
    const text = await page.evaluate(() => [...document.querySelectorAll('.sheet-facile-a-lire li, .sheet-facile-a-lire td')]
      .map((el) => { const style = getComputedStyle(el); return [parseFloat(style.fontSize), style.textAlign, style.fontStyle]; }));
    assert.ok(text.length > 10);
    // 14 pt = 18.67 CSS px.
    assert.ok(text.every(([size, align, style]) => size >= 18.6 && align !== 'justify' && style === 'normal'), JSON.stringify(text));
    if (title === DUPLO) {
      // The seated debate's three cards, each printed very large in its cutting frame.
      const cards = await page.evaluate(() => [...document.querySelectorAll('.sheet-facile-a-lire > div h2')]
        .map((el) => [el.textContent, parseFloat(getComputedStyle(el).fontSize), getComputedStyle(el).borderTopStyle]));
      assert.deepEqual(cards.map(([label]) => label), ["▲ D'ACCORD", "▼ PAS D'ACCORD", '? JE NE SAIS PAS']);
      assert.ok(cards.every(([, size, border]) => size >= 50 && border === 'dashed'), JSON.stringify(cards));
    }
    // Back to no emulation: page.pdf() of the next pack prints with the print styles.
    await page.emulateMedia({ media: null });
  }
  // In print, the header, navigation and footer are not displayed.
  await page.getByRole('button', { name: 'Imprimer les fiches' }).click();
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ['.site-header', 'nav', '.site-footer', '.pack-actions'].map((selector) =>
    [...document.querySelectorAll(selector)].some((el) => getComputedStyle(el).display !== 'none')));
  assert.deepEqual(shown, [false, false, false, false]);
  const sheetVisible = await page.evaluate(() => getComputedStyle(document.querySelector('article.sheet')).display);
  assert.notEqual(sheetVisible, 'none');
  await page.emulateMedia({ media: 'screen' });
});

test('export then import: identical is a no-op, a changed pack is never replaced silently', async () => {
  await openPack(DUPLO);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter (.briques)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'donnees-en-duplo.briques');
  const file = join(work, 'donnees-en-duplo.briques');
  copyFileSync(await download.path(), file);
  const bundle = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(bundle.format, 'briques-pack');
  assert.equal(bundle.pack.sheets.length, 11);

  await openLibrary();
  await page.getByLabel('Fichier d\'atelier (.briques)').setInputFiles(file);
  await page.getByText('est déjà là, identique').waitFor();

  bundle.pack.title = 'Duplo, ma version';
  const changed = join(work, 'ma-version.briques');
  writeFileSync(changed, JSON.stringify(bundle));
  await page.getByLabel('Fichier d\'atelier (.briques)').setInputFiles(changed);
  await page.getByText('Que faire ?', { exact: false }).waitFor();
  assert.equal(await cards().count(), 5, 'nothing changes before the choice');
  await page.getByRole('button', { name: 'Garder les deux' }).click();
  await page.getByText('Atelier « Duplo, ma version » importé.').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.pack-card').length === 6);
  await page.getByRole('link', { name: DUPLO, exact: true }).waitFor();

  const broken = join(work, 'casse.briques');
  writeFileSync(broken, '{"format": "briques-pack", "version": 1, "pack": {"slug": 3}}');
  await page.getByLabel('Fichier d\'atelier (.briques)').setInputFiles(broken);
  await page.getByText('1 problème à corriger').waitFor();

  // The imported copy survives a reload, and can be removed.
  await openLibrary();
  await page.waitForFunction(() => document.querySelectorAll('.pack-card').length === 6);
  await page.getByRole('link', { name: 'Duplo, ma version' }).click();
  await waitForHeading(page, 'Duplo, ma version');
  assert.equal(new URL(page.url()).searchParams.get('pack'), 'donnees-en-duplo-2');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Supprimer de cet appareil' }).click();
  await waitForHeading(page, 'Ateliers');
  await page.waitForFunction(() => document.querySelectorAll('.pack-card').length === 5);
  assert.deepEqual(errors, []);
});

test('a pack whose chart period would freeze the page is refused with the check\'s message', async () => {
  // The bundled chart pack, with the period of a preset made absurd.
  const bundle = readFileSync(join(root, 'www', 'packs', 'lire-un-graphique.briques'), 'utf8');
  assert.ok(bundle.includes('"range": "2012-2019"'));
  const broken = join(work, 'periode.briques');
  writeFileSync(broken, bundle.replace('"range": "2012-2019"', '"range": "0-2000000000"'));
  await openLibrary();
  await page.getByLabel('Fichier d\'atelier (.briques)').setInputFiles(broken);
  await page.getByText('activites[1].graphiques[2].periode: année 0 improbable : les années vont de 1000 à 2200').waitFor();
  await page.getByText('1 problème à corriger').waitFor();
  assert.equal(await cards().count(), 5, 'nothing imported');
  // The page still answers.
  await page.getByRole('link', { name: CHARTS, exact: true }).click();
  await waitForHeading(page, CHARTS);
  assert.deepEqual(errors, []);
});

test('editing a pack checks it, saves a local version, and the original comes back', async () => {
  await openPack(CHARTS);
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByRole('heading', { level: 1, name: `Modifier « ${CHARTS} »` }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const title = page.getByLabel('Titre', { exact: true }).first();
  await title.fill('');
  await title.dispatchEvent('change');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('titre: ne doit pas être vide').waitFor();
  await title.fill('Graphiques honnêtes');
  await title.dispatchEvent('change');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await waitForHeading(page, 'Graphiques honnêtes');
  await page.getByText('Modifié sur cet appareil').waitFor();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: "Revenir à la version d'origine" }).click();
  await waitForHeading(page, CHARTS);
  assert.deepEqual(errors, []);
});

test('an imported pack cannot inject markup: HTML shows as text, unsafe links are dropped', async () => {
  const bundle = JSON.parse(readFileSync(join(root, 'www/packs/donnees-en-duplo.briques'), 'utf8'));
  bundle.pack.slug = 'piege';
  bundle.pack.title = 'Pack piégé';
  const sheet = bundle.pack.sheets.find((s) => s.kind === 'exemple');
  sheet.body = '<script>window.__owned = 1</script>\n\n<img src=x onerror="window.__owned = 2">\n\n'
    + '[clic](javascript:window.__owned=3) [ok](https://example.org/) **<b>gras</b>**\n';
  const file = join(work, 'piege.briques');
  writeFileSync(file, JSON.stringify(bundle));
  await openLibrary();
  await page.getByLabel('Fichier d\'atelier (.briques)').setInputFiles(file);
  await page.getByText('Atelier « Pack piégé » importé.').waitFor();
  await page.getByRole('link', { name: 'Pack piégé' }).click();
  await waitForHeading(page, 'Pack piégé');
  const article = page.locator('article.sheet-exemple');
  await article.getByText('<script>window.__owned = 1</script>').waitFor();
  assert.equal(await article.locator('script, img, b').count(), 0);
  assert.equal(await article.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await article.locator('a[href="https://example.org/"]').count(), 1);
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Supprimer de cet appareil' }).click();
  await waitForHeading(page, 'Ateliers');
  assert.deepEqual(errors, []);
});

test('the page speaks English when asked; pack content stays in its own language', async () => {
  await openPack(BUDGET);
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('button', { name: 'Print the handout' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Timed plan' }).waitFor();
  await waitForHeading(page, BUDGET);
  // The pack exists in French only: the page says so, and marks its text as French.
  await page.getByText('Content in French: the sheets exist in that language only.').waitFor();
  assert.equal(await page.locator('h1').getAttribute('lang'), 'fr');
  assert.equal(await page.locator('article.sheet h2').first().getAttribute('lang'), 'fr');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Imprimer la fiche participant' }).waitFor();
  assert.deepEqual(errors, []);
});
