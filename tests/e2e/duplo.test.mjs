// The Duplo page in headless Chromium: 40 responses entered with the keyboard; the
// towers, cross-tab and "qui est unique ?" shown equal the core's own computation
// (`briques survey stats --json` on the CSV the page exports); reload keeps
// everything; the exported CSV re-imports to the same session; charts export as SVG;
// axe-core finds nothing in normal and projector mode. Each test opens its own browser
// context (its own local storage): the first enters 40 answers with the keyboard, the
// others start from the same 40 answers imported as a CSV file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations, BIN } from './helpers.mjs';

const TITLE = 'Les données en Duplo';
const QUESTIONS = ['Fromage ou dessert ?', 'Sucré ou salé ?', 'Genre', 'Habitez-vous la commune ?'];
const CHOICES = [2, 2, 3, 2];

const here = dirname(fileURLToPath(import.meta.url));
const LABELS = [['Fromage', 'Dessert'], ['Sucré', 'Salé'], ['Femme', 'Homme', 'Autre ou ne se prononce pas'], ['Oui', 'Non']];

let server;
let browser;
const contexts = [];
const work = mkdtempSync(join(tmpdir(), 'briques-duplo-'));

/** 40 deterministic participants: a key per question, '0' now and then for "no answer". */
function participants() {
  let seed = 20261122;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  return Array.from({ length: 40 }, () => CHOICES.map((n) => (next() < 0.06 ? 0 : 1 + Math.floor(next() * n))));
}

function stats(csv, quasi) {
  const out = execFileSync(BIN, ['survey', 'stats', csv, '--quasi', quasi.join(','), '--json'], {
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' },
  });
  return JSON.parse(out.toString());
}

async function count(page) {
  return Number(await page.locator('#participant-count').textContent());
}

/** A page of its own (a fresh context: empty local storage) that accepts dialogs. */
async function fresh() {
  const opened = await openPage(browser, { acceptDownloads: true });
  contexts.push(opened.context);
  opened.page.on('dialog', (dialog) => dialog.accept());
  return opened;
}

/** A fresh Duplo page holding the 40 participants, imported from a CSV file. */
async function withAnswers() {
  const opened = await fresh();
  const { page } = opened;
  const csv = join(work, 'quarante.csv');
  const rows = participants().map((keys, i) =>
    [i + 1, ...keys.map((k, q) => (k === 0 ? '' : LABELS[q][k - 1]))].join(';'));
  writeFileSync(csv, [`Participant;${QUESTIONS.join(';')}`, ...rows].join('\n') + '\n');
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, TITLE);
  await page.getByLabel('Importer une session (JSON) ou des réponses (CSV)').setInputFiles(csv);
  await page.locator('#participant-count', { hasText: '40' }).waitFor();
  return opened;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const target = join(work, file.suggestedFilename());
  copyFileSync(await file.path(), target);
  return target;
}

/** Counts keyed by choice label (the CLI orders inferred choices as they first appear). */
function byLabel(labels, counts) {
  return Object.fromEntries(labels.map((label, i) => [label, counts[i]]));
}

function crossByLabel(crosstab) {
  const cells = {};
  crosstab.row_labels.forEach((row, r) => crosstab.column_labels.forEach((col, c) => {
    cells[`${row} × ${col}`] = crosstab.counts[r][c];
  }));
  return cells;
}

/** What the page shows: towers, revealed cross-tab cells, uniqueness. */
async function shown(page) {
  const towers = await page.locator('#duplo-tours .tower-count').evaluateAll((texts) =>
    Object.fromEntries(texts.map((t) => [t.dataset.choice, Number(t.textContent)])));
  const table = page.locator('.crosstab-table');
  if (!(await table.isVisible())) await page.getByText('Voir le tableau des nombres').click();
  const cells = await table.evaluate((t) => {
    const cols = [...t.querySelectorAll('thead th[data-choice]')].map((th) => th.dataset.choice);
    const out = {};
    for (const row of t.querySelectorAll('tbody tr')) {
      [...row.querySelectorAll('td[data-count]')].forEach((td, c) => { out[`${row.dataset.choice} × ${cols[c]}`] = Number(td.dataset.count); });
    }
    return out;
  });
  const progression = await page.locator('.progression-list li').evaluateAll((items) => items.map((li) => Number(li.dataset.unique)));
  return {
    towers,
    cells,
    unique: Number(await page.locator('[data-unique]').first().getAttribute('data-unique')),
    k: Number(await page.locator('[data-k]').getAttribute('data-k')),
    progression,
  };
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

test('40 responses entered with the keyboard match the core computation', async () => {
  const { page, errors } = await fresh();
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, TITLE);
  await page.locator('.entry-keys').focus();
  const people = participants();
  for (const [i, keys] of people.entries()) {
    for (const key of keys) await page.keyboard.press(String(key));
    await page.keyboard.press('Enter');
    await page.locator('#participant-count', { hasText: String(i + 1) }).waitFor();
  }
  assert.equal(await count(page), 40);
  await page.getByRole('status').filter({ hasText: 'Participant n° 40 enregistré.' }).waitFor();

  // The facilitator reveals the small cells so every count can be compared.
  await page.getByRole('button', { name: 'Révéler les petites cases' }).click();
  const csv = await download(page, page.getByRole('button', { name: 'Exporter les réponses (CSV, point-virgule)' }));
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.startsWith('\uFEFFParticipant;Fromage ou dessert ?'), text.slice(0, 80));

  const all = stats(csv, QUESTIONS);
  const cross = stats(csv, ['Genre', 'Habitez-vous la commune ?']);
  const view = await shown(page);
  assert.deepEqual(view.towers, byLabel(all.tallies[0].choices, all.tallies[0].counts), 'towers = first question');
  assert.deepEqual(view.cells, crossByLabel(cross.crosstab), 'cross-tab Genre × commune');
  assert.equal(view.unique, all.unique_respondents);
  assert.equal(view.k, all.k_anonymity);
  assert.deepEqual(view.progression, all.progression.map((step) => step.unique));
  assert.ok(all.unique_respondents > 0, 'with four questions some of the 40 are alone');
  assert.deepEqual(errors, []);
});

test('a reload keeps every response and the draft', async () => {
  const { page, errors } = await withAnswers();
  const before = await shown(page);
  await page.locator('.entry-keys').focus();
  await page.keyboard.press('2');
  await page.reload();
  await waitForHeading(page, TITLE);
  assert.equal(await count(page), 40);
  assert.equal(await page.getByRole('button', { name: 'Dessert', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await shown(page), before);
  assert.deepEqual(errors, []);
});

test('undo, edit and delete work from the keyboard and the list', async () => {
  const { page, errors } = await withAnswers();
  await page.locator('.entry-keys').focus();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.locator('#participant-count', { hasText: '41' }).waitFor();
  await page.keyboard.press('Control+z');
  await page.locator('#participant-count', { hasText: '40' }).waitFor();
  await page.getByRole('button', { name: 'Modifier le participant n° 40' }).click();
  await page.locator('#entry-who', { hasText: 'Modification du participant n° 40' }).waitFor();
  // Editing moves the focus to the entry panel, so the keys work at once.
  await page.keyboard.press('3');
  await page.locator('#entry-who', { hasText: 'Modification du participant n° 40' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#entry-who', { hasText: 'Participant n° 41' }).waitFor();
  await page.getByRole('button', { name: 'Supprimer le participant n° 40' }).click();
  await page.locator('#participant-count', { hasText: '39' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Participant n° 40 supprimé' }).waitFor();
  await page.locator('.entry-keys').focus();
  await page.keyboard.press('Control+z');
  await page.locator('#participant-count', { hasText: '40' }).waitFor();
  assert.deepEqual(errors, []);
});

test('the exported CSV re-imports to the same session', async () => {
  const { page } = await withAnswers();
  const before = await shown(page);
  const csv = await download(page, page.getByRole('button', { name: 'Exporter les réponses (CSV, point-virgule)' }));
  await page.getByRole('button', { name: 'Nouvelle session (effacer les réponses)' }).click();
  await page.locator('#participant-count', { hasText: /^0$/ }).waitFor();
  await page.getByLabel('Importer une session (JSON) ou des réponses (CSV)').setInputFiles(csv);
  await page.locator('#participant-count', { hasText: '40' }).waitFor();
  assert.deepEqual(await shown(page), before);
});

test('a broken file is refused with a clear message and nothing is lost', async () => {
  const { page } = await withAnswers();
  const broken = join(work, 'casse.csv');
  execFileSync('bash', ['-c', `printf 'Genre;Couleur\\nFemme;bleu\\n' > '${broken}'`]);
  await page.getByLabel('Importer une session (JSON) ou des réponses (CSV)').setInputFiles(broken);
  await page.getByRole('status').filter({ hasText: 'colonne 2 « Couleur » : aucune question ne porte ce nom' }).waitFor();
  assert.equal(await count(page), 40);
});

test('charts export as SVG and the session as JSON', async () => {
  const { page } = await withAnswers();
  const svg = await download(page, page.getByRole('button', { name: 'Enregistrer « Tours de briques » en SVG' }));
  const markup = readFileSync(svg, 'utf8');
  assert.match(markup, /^<\?xml/);
  assert.match(markup, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(markup, /Fromage/);
  const png = await download(page, page.getByRole('button', { name: 'Enregistrer « Tableau croisé » en PNG' }));
  assert.deepEqual([...readFileSync(png).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const json = JSON.parse(readFileSync(await download(page, page.getByRole('button', { name: 'Exporter la session (JSON)' })), 'utf8'));
  assert.equal(json.format, 'briques-duplo');
  assert.equal(json.responses.length, 40);
});

test('axe-core finds nothing on the Duplo page, normal and projector mode', async () => {
  const { page, errors } = await withAnswers();
  await page.locator('summary', { hasText: 'Modifier le questionnaire' }).click();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html.projector');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// A first workshop without a stumble: the keyboard from the first key, masked cells
// that say why, the projector that hides combinations and fits 1280 × 720, the default
// survey in the browser's language.

/** Writes a CSV of the default survey's answers: `rows` are label lists ('' = none). */
function answersFile(name, rows) {
  const csv = join(work, name);
  writeFileSync(csv, [`Participant;${QUESTIONS.join(';')}`, ...rows.map((r, i) => [i + 1, ...r].join(';'))].join('\n') + '\n');
  return csv;
}

/** `n` copies of a row. */
const times = (n, row) => Array.from({ length: n }, () => row);

test('the keys work as soon as the page is shown, without clicking the panel first', async () => {
  const { page, errors } = await fresh();
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, TITLE);
  // Nothing clicked: the focus is on the page's main region after the navigation.
  assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('.entry-keys'))), false);
  await page.getByText('dès l\'ouverture de la page', { exact: false }).first().waitFor();
  await page.keyboard.press('2');
  assert.equal(await page.getByRole('button', { name: 'Dessert', exact: true }).getAttribute('aria-pressed'), 'true');
  for (const key of ['1', '3', '2']) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await page.locator('#participant-count', { hasText: /^1$/ }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Participant n° 1 enregistré.' }).waitFor();
  // In a text field the digits are the field's, not answers.
  await page.locator('summary', { hasText: 'Modifier le questionnaire' }).click();
  const field = page.locator('#editor-title');
  await field.focus();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  assert.equal(await count(page), 1);
  assert.notEqual(await page.getByRole('button', { name: 'Fromage', exact: true }).getAttribute('aria-pressed'), 'true');
  // The plural rules: one response is "the only response", not "the 1 last responses of 1".
  const caption = await page.locator('.responses caption').textContent();
  assert.match(caption, /La seule réponse/);
  assert.doesNotMatch(caption, /Les 1 /);
  assert.deepEqual(errors, []);
});

test('Enter and Space on a focused choice choose it; they do not save the participant', async () => {
  const { page, errors } = await fresh();
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, TITLE);
  await page.getByRole('button', { name: 'Fromage', exact: true }).click();
  // Keyboard only from here: Tab to "Salé", Enter.
  const sale = page.getByRole('button', { name: 'Salé', exact: true });
  await sale.focus();
  await page.keyboard.press('Enter');
  assert.equal(await sale.getAttribute('aria-pressed'), 'true');
  assert.equal(await count(page), 0, 'Enter on a choice does not record the participant');
  const autre = page.getByRole('button', { name: 'Autre ou ne se prononce pas', exact: true });
  await autre.focus();
  await page.keyboard.press(' ');
  assert.equal(await autre.getAttribute('aria-pressed'), 'true');
  assert.equal(await count(page), 0);
  assert.equal(await page.getByRole('button', { name: 'Fromage', exact: true }).getAttribute('aria-pressed'), 'true');
  // Enter away from any button records the participant with the three answers.
  await page.locator('#entry-who').click();
  await page.keyboard.press('Enter');
  await page.locator('#participant-count', { hasText: /^1$/ }).waitFor();
  const csv = await download(page, page.getByRole('button', { name: 'Exporter les réponses (CSV, point-virgule)' }));
  assert.match(readFileSync(csv, 'utf8'), /\n1;Fromage;Salé;Autre ou ne se prononce pas;\r?\n/);
  assert.deepEqual(errors, []);
});

test('the cross-tab says "< 3" only where fewer than 3 people are, "masqué" where a cell protects a neighbour', async () => {
  const { page, errors } = await fresh();
  // Genre × commune: Femme 6/5, Homme 7/4, Autre 1/6. Only "Autre × Oui" holds fewer than 3.
  const truth = { 'Femme × Oui': 6, 'Femme × Non': 5, 'Homme × Oui': 7, 'Homme × Non': 4,
    'Autre ou ne se prononce pas × Oui': 1, 'Autre ou ne se prononce pas × Non': 6 };
  const rows = Object.entries(truth).flatMap(([cell, n]) => {
    const [genre, commune] = cell.split(' × ');
    return times(n, ['Fromage', 'Sucré', genre, commune]);
  });
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, TITLE);
  await page.getByLabel('Importer une session (JSON) ou des réponses (CSV)').setInputFiles(answersFile('masque.csv', rows));
  await page.locator('#participant-count', { hasText: '29' }).waitFor();
  const figure = page.locator('#duplo-croisement');
  await page.locator('label', { hasText: /^Lignes/ }).locator('select').selectOption({ label: 'Genre' });
  await page.locator('label', { hasText: /^Colonnes/ }).locator('select').selectOption({ label: 'Habitez-vous la commune ?' });
  await page.getByText('Voir le tableau des nombres').click();
  const cells = await page.locator('.crosstab-table').evaluate((t) => {
    const cols = [...t.querySelectorAll('thead th[data-choice]')].map((th) => th.dataset.choice);
    const out = {};
    for (const row of t.querySelectorAll('tbody tr')) {
      [...row.querySelectorAll('td[data-count]')].forEach((td, c) => { out[`${row.dataset.choice} × ${cols[c]}`] = td.textContent; });
    }
    return out;
  });
  let hidden = 0;
  for (const [cell, n] of Object.entries(truth)) {
    const text = cells[cell];
    if (n < 3) assert.match(text, /^< 3 \(moins de 3 personnes\)$/, cell);
    else {
      assert.doesNotMatch(text, /</, `${cell} holds ${n}: never "< 3"`);
      if (/masqué/.test(text)) {
        hidden += 1;
        assert.match(text, /pour protéger une petite case voisine/);
      } else assert.match(text, new RegExp(`^${n} \\(`), cell);
    }
  }
  assert.ok(hidden >= 1, `a neighbour is hidden to protect "Autre × Oui": ${JSON.stringify(cells)}`);
  // The drawing says the same, and the legend explains both words.
  const drawn = await figure.locator('svg text').allTextContents();
  assert.equal(drawn.filter((t) => t === '< 3').length, 1, drawn.join(' | '));
  assert.equal(drawn.filter((t) => t === 'masqué').length, hidden);
  assert.match(await figure.locator('.hint').first().textContent(), /« masqué » : case cachée en plus/);
  assert.deepEqual(errors, []);
});

test('projected, the responses list stays closed until opened on purpose; each result fits 1280 × 720', async () => {
  const { page, errors } = await withAnswers();
  await page.setViewportSize({ width: 1280, height: 720 });
  const list = page.locator('.responses details');
  assert.equal(await list.evaluate((d) => d.open), true, 'open on the facilitator\'s screen');
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html.projector');
  await page.waitForFunction(() => !document.querySelector('.responses details').open);
  assert.equal(await page.locator('.responses tbody tr').first().isVisible(), false, 'no combination on the projected screen');
  await page.locator('.responses summary').click();
  await page.locator('.responses tbody tr').first().waitFor();

  // One compact header row.
  const header = await page.locator('header').first().boundingBox();
  assert.ok(header.height <= 60, `header ${header.height}px high`);
  // Each result block fits one 720p screen, with its headline and its chart together.
  for (const id of ['#duplo-tours', '#duplo-croisement', '#duplo-progression']) {
    const box = await page.locator(id).boundingBox();
    assert.ok(box, id);
    assert.ok(box.height <= 720, `${id} is ${box.height}px high`);
  }
  const unique = await page.locator('section', { has: page.getByRole('heading', { name: 'Qui est unique ?' }) }).boundingBox();
  assert.ok(unique.height <= 720, `"Qui est unique ?" is ${unique.height}px high`);
  // Every cross-tab row is drawn inside the figure; labels that fit are not cut.
  const svg = page.locator('#duplo-croisement svg');
  const [svgBox, figureBox] = [await svg.boundingBox(), await page.locator('#duplo-croisement').boundingBox()];
  assert.ok(svgBox.y + svgBox.height <= figureBox.y + figureBox.height + 1, 'the last row is inside the figure');
  for (const id of ['#duplo-tours', '#duplo-croisement']) {
    const texts = await page.locator(`${id} svg text`).allTextContents();
    assert.ok(!texts.some((t) => t.includes('…')), `${id}: ${texts.join(' | ')}`);
  }
  // The towers' ground line is drawn in the text colour (white on black), not black.
  const ground = await page.locator('#duplo-tours svg line').first().evaluate((l) => getComputedStyle(l).stroke);
  assert.notEqual(ground, 'rgb(0, 0, 0)');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  assert.deepEqual(errors, []);
});

test('a browser that prefers English opens in English, with the default survey in English', async (t) => {
  const opened = await openPage(browser, { locale: 'en-GB' });
  t.after(() => opened.context.close());
  const { page, errors } = opened;
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, 'Data in Duplo bricks');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Cheese', exact: true }).waitFor();
  assert.equal(await page.getByText('Les données en Duplo').count(), 0);
  assert.equal(await page.getByText('Fromage ou dessert ?').count(), 0);
  // Switching to French moves the untouched default survey to French, and the choice persists.
  await page.getByLabel('Language').selectOption('fr');
  await waitForHeading(page, TITLE);
  await page.getByRole('button', { name: 'Fromage', exact: true }).waitFor();
  await page.reload();
  await waitForHeading(page, TITLE);
  assert.deepEqual(errors, []);
});

// The re-identification lesson goes on: what the groups give away (ℓ-diversity), and
// protecting the answers step by step, each figure equal to the command line's.

/** `briques survey generalise` on the same answers with the same plan. */
function generalised(csv, quasi, plan) {
  const file = join(work, 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  const out = execFileSync(BIN, ['survey', 'generalise', csv, '--plan', file, '--quasi', quasi.join(','), '--json'], {
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' },
  });
  return JSON.parse(out.toString());
}

test('what the groups give away, then merge, remove the unique and undo: the figures are the core\'s', async () => {
  const { page, errors } = await withAnswers();
  const csv = join(work, 'quarante.csv');
  const quasi = ['Genre', 'Habitez-vous la commune ?'];
  const core = stats(csv, quasi);
  const panel = page.locator('section.protect');
  // ℓ-diversity: the same homogeneous groups and the same smallest ℓ.
  const groups = core.homogeneous_groups;
  assert.ok(groups.length > 0, 'the 40 answers have a homogeneous group');
  assert.equal(Number(await panel.locator('.protect-groups').getAttribute('data-homogeneous')), groups.length);
  const first = await panel.locator('.protect-groups li').first().textContent();
  assert.match(first, new RegExp(`^Les ${groups[0].size} personnes « .* » ont toutes répondu « ${groups[0].answer} » à « ${groups[0].question.replace('?', '\\?')} »`));
  const minL = Math.min(...Object.values(core.l_diversity).filter((l) => l !== null));
  assert.equal(Number(await panel.locator('[data-protect-l]').getAttribute('data-protect-l')), minL);
  const figures = async () => ({
    k: Number(await panel.locator('[data-protect-k]').getAttribute('data-protect-k')),
    unique: Number(await panel.locator('[data-protect-unique]').getAttribute('data-protect-unique')),
  });
  assert.deepEqual(await figures(), { k: core.k_anonymity, unique: core.unique_respondents });

  // Merge two choices of "Genre".
  await panel.getByLabel('Regrouper des choix de la question').selectOption({ label: 'Genre' });
  await panel.getByLabel('Homme', { exact: true }).check();
  await panel.getByLabel('Autre ou ne se prononce pas').check();
  await panel.getByLabel('Nom du choix regroupé').fill('Homme ou autre');
  await panel.getByRole('button', { name: 'Regrouper ces choix' }).click();
  await panel.getByText('« Genre » : 2 choix regroupés en « Homme ou autre »').waitFor();
  const merge = { question: 'Genre', choices: ['Homme', 'Autre ou ne se prononce pas'], label: 'Homme ou autre' };
  const merged = generalised(csv, quasi, { merge: [merge] });
  assert.deepEqual(await figures(), { k: merged.k_anonymity, unique: merged.unique_respondents });
  assert.ok(merged.k_anonymity >= core.k_anonymity, 'merging never lowers k');

  // Remove the people still unique: k of at least 2, what was lost said.
  await panel.getByRole('button', { name: 'Retirer les personnes encore uniques' }).click();
  await panel.getByText('Les personnes encore uniques sont retirées').waitFor();
  const removed = generalised(csv, quasi, { merge: [merge], remove_unique: true });
  assert.deepEqual(await figures(), { k: removed.k_anonymity, unique: 0 });
  assert.ok(removed.k_anonymity >= 2);
  const loss = Number(await panel.locator('[data-protect-loss]').getAttribute('data-protect-loss'));
  assert.ok(Math.abs(loss - removed.lost.information_loss) < 1e-4, `${loss} vs ${JSON.stringify(removed.lost)}`);
  await page.locator('#participant-count', { hasText: '40' }).waitFor();

  // Undo, step by step, back to the room's own figures; the answers never changed.
  await panel.getByRole('button', { name: 'Annuler la dernière étape' }).click();
  assert.deepEqual(await figures(), { k: merged.k_anonymity, unique: merged.unique_respondents });
  await panel.getByRole('button', { name: 'Annuler la dernière étape' }).click();
  assert.deepEqual(await figures(), { k: core.k_anonymity, unique: core.unique_respondents });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

/** INSEE POP1B 2018, France entière: men and women by five-year band (0–4 … 100+). */
const POP1B = [
  [1912032, 1834890], [2103205, 2012989], [2118169, 2023976], [2121599, 2007360], [1891915, 1841407],
  [1894988, 1939465], [1977553, 2080811], [2047307, 2132161], [2078773, 2131118], [2230818, 2280135],
  [2193469, 2277705], [2090242, 2218884], [1947372, 2136018], [1861206, 2079172], [1406107, 1625770],
  [962304, 1216917], [758101, 1125544], [464287, 871288], [180987, 463804], [36409, 135150], [3736, 17392],
];

test('from the room to the commune: who shares the room\'s answers, and who is alone with a birth date', async () => {
  const { page, errors } = await withAnswers();
  const panel = page.locator('section.population');
  await panel.getByLabel('ou sa population').fill('3 423');
  const alone = Number(await panel.locator('[data-population-alone]').getAttribute('data-population-alone'));
  // The same expectation computed here: Σ p × (1 − p)^(n − 1) over (sex, day of birth).
  const total = POP1B.flat().reduce((a, b) => a + b, 0);
  const expected = POP1B.flat().reduce((sum, people) => {
    const band = people / total;
    return sum + band * Math.pow(1 - band / (5 * 365.25), 3422);
  }, 0);
  assert.ok(Math.abs(alone - expected) < 1e-4, `${alone} vs ${expected}`);
  // "Femme · Oui" in the room: about 3 423 × the share of women.
  const women = POP1B.reduce((a, [, f]) => a + f, 0) / total;
  const item = panel.locator('.population-estimates li', { hasText: '« Femme · Oui »' });
  const inCommune = Number(await item.getAttribute('data-in-commune'));
  assert.ok(Math.abs(inCommune - 3423 * women) < 0.01, `${inCommune} vs ${3423 * women}`);
  assert.match(await item.textContent(), /dans la salle ; environ 1[\u202f\u00a0 ]?767 à cette commune \(1 habitant sur 2\) et 34[\u202f\u00a0 ]?451[\u202f\u00a0 ]?956 en France/);
  // "Autre" has no published distribution.
  await panel.locator('.population-estimates li', { hasText: /« Autre ou ne se prononce pas · .* » : \d+ dans la salle ; pas d'estimation/ }).first().waitFor();
  // A commune chosen from the directory names it, with its population.
  await panel.getByRole('combobox', { name: 'Commune' }).fill('crach');
  await page.getByRole('listbox', { name: 'Commune' }).getByRole('option', { name: /^Crach \(56046\)/ }).click();
  await panel.getByText(/habitants de Crach sont, selon l'estimation/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('the linkage round: the fictional register puts a name on the rows it matches alone', async () => {
  const { page, errors } = await fresh();
  // The Duplo pack's survey (genre, lives here, age band) with 40 deterministic answers.
  const session = JSON.parse(readFileSync(join(here, '..', '..', 'workshops', 'donnees-en-duplo', 'questionnaire.json'), 'utf8'));
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  session.responses = Array.from({ length: 40 }, (_, i) => ({
    participant: i + 1,
    answers: Object.fromEntries(session.survey.questions
      .filter(() => next() > 0.05)
      .map((q) => [q.id, q.choices[Math.floor(next() * q.choices.length)].id])),
  }));
  const file = join(work, 'pack-quarante.json');
  writeFileSync(file, JSON.stringify(session));
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, TITLE);
  await page.getByLabel('Importer une session (JSON) ou des réponses (CSV)').setInputFiles(file);
  await page.locator('#participant-count', { hasText: '40' }).waitFor();

  const panel = page.locator('section.linkage');
  await panel.getByRole('button', { name: 'Croiser avec le registre fictif' }).click();
  const shown = Number(await panel.locator('[data-named]').getAttribute('data-named'));
  // The same join, here: a row is named when exactly one person of the register has its
  // answers (a skipped question matches anyone).
  const [header, ...rows] = readFileSync(join(here, '..', '..', 'www', 'duplo', 'registre-fictif.csv'), 'utf8')
    .trim().split('\n').map((l) => l.split(';'));
  const questions = session.survey.questions.filter((q) => header.includes(q.label));
  const label = (q, id) => q.choices.find((c) => c.id === id)?.label;
  const named = session.responses.filter((r) => rows.filter((person) => questions.every((q) =>
    r.answers[q.id] === undefined || person[header.indexOf(q.label)] === label(q, r.answers[q.id]))).length === 1).length;
  assert.ok(named > 0, 'the register names someone in this room');
  assert.equal(shown, named);
  await panel.getByText(/« registre-fictif\.csv » : 60 personnes nommées, croisées sur Genre · Votre âge \? · Habitez-vous la commune \?/).waitFor();
  // A file without names says so.
  const nameless = join(work, 'sans-nom.csv');
  writeFileSync(nameless, 'Genre;Votre âge ?\nFemme;30 à 59 ans\n');
  await panel.getByLabel('ou avec un autre fichier publié (CSV, une colonne « Nom »)').setInputFiles(nameless);
  await panel.getByText(/sans-nom\.csv : Ce fichier n'a pas de colonne « Nom »/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('on the projector, merging two choices raises k as the command line says', async () => {
  const { page, errors } = await fresh();
  const csv = answersFile('fusion.csv', [
    ...times(2, ['Fromage', 'Sucré', 'Femme', 'Oui']),
    ...times(2, ['Dessert', 'Salé', 'Homme', 'Oui']),
    ['Dessert', 'Sucré', 'Autre ou ne se prononce pas', 'Oui'],
  ]);
  await page.goto(`${server.base}/duplo`);
  await waitForHeading(page, TITLE);
  await page.getByLabel('Importer une session (JSON) ou des réponses (CSV)').setInputFiles(csv);
  await page.locator('#participant-count', { hasText: '5' }).waitFor();
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  await page.waitForSelector('html.projector');
  const panel = page.locator('section.protect');
  const k = async () => Number(await panel.locator('[data-protect-k]').getAttribute('data-protect-k'));
  assert.equal(await k(), 1);
  await panel.getByLabel('Regrouper des choix de la question').selectOption({ label: 'Genre' });
  await panel.getByLabel('Homme', { exact: true }).check();
  await panel.getByLabel('Autre ou ne se prononce pas').check();
  await panel.getByLabel('Nom du choix regroupé').fill('Homme ou autre');
  await panel.getByRole('button', { name: 'Regrouper ces choix' }).click();
  const merged = generalised(csv, ['Genre', 'Habitez-vous la commune ?'], {
    merge: [{ question: 'Genre', choices: ['Homme', 'Autre ou ne se prononce pas'], label: 'Homme ou autre' }],
  });
  assert.equal(merged.k_anonymity, 2);
  await panel.locator('[data-protect-k="2"]').waitFor();
  await page.getByRole('button', { name: 'Mode projecteur' }).click();
  assert.deepEqual(errors, []);
});
