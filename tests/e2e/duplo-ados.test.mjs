// The Duplo pack's questionnaire for teenagers, launched from the pack's page: the
// birthday replaces the age; a few answers typed with the keyboard; "Qui est unique ?"
// suggests sentences about combinations (their figures computed here, by brute force,
// independently of the app) that name no answer; each brick colour of the towers and
// of their legend has its own pattern, "no answer" stays plain; axe-core finds nothing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

const PACK = 'Les données en Duplo';
const TEEN = "Lancer l'atelier : Les données en Duplo (collège, lycée)";
const BIRTHDAY = 'Votre anniversaire tombe en…';
const LABELS = [
  ['Fromage', 'Dessert'],
  ['Sucré', 'Salé'],
  ['Femme', 'Homme', 'Autre ou ne se prononce pas'],
  ['Oui', 'Non'],
  ['Janvier, février ou mars', 'Avril, mai ou juin', 'Juillet, août ou septembre', 'Octobre, novembre ou décembre'],
];
// One key per question (1 = first choice, 0 = no answer), one row per participant.
const ROWS = [
  [1, 1, 1, 1, 1],
  [1, 1, 1, 1, 1],
  [1, 2, 2, 1, 2],
  [2, 2, 2, 1, 2],
  [2, 2, 2, 1, 2],
  [2, 1, 1, 2, 3],
  [1, 1, 1, 1, 4],
  [2, 2, 1, 1, 0],
];

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

/** People alone in their combination of answers to the questions at `columns`. */
function unique(columns) {
  const groups = new Map();
  for (const row of ROWS) {
    const key = columns.map((c) => row[c]).join(',');
    groups.set(key, (groups.get(key) || 0) + 1);
  }
  return [...groups.values()].filter((n) => n === 1).length;
}

/** Every set of `size` column indexes among `n`. */
function subsets(n, size, from = 0) {
  if (size === 0) return [[]];
  const out = [];
  for (let i = from; i < n; i += 1) {
    for (const rest of subsets(n, size - 1, i + 1)) out.push([i, ...rest]);
  }
  return out;
}

const plural = (n, one, other) => (n <= 1 ? one : other);

test('the teen questionnaire from the pack: sentences about combinations, bricks with patterns', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${server.base}/ateliers`);
  await waitForHeading(page, 'Ateliers');
  await page.getByRole('link', { name: PACK, exact: true }).click();
  await waitForHeading(page, PACK);
  await page.getByRole('button', { name: TEEN, exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/duplo');
  await page.getByText('Les données en Duplo (collège, lycée)').waitFor();
  await page.getByRole('button', { name: `5. ${BIRTHDAY}` }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Votre âge/ }).count(), 0, 'no age question');

  await page.locator('.entry-keys').focus();
  for (const [i, keys] of ROWS.entries()) {
    for (const [q, key] of keys.entries()) {
      await page.keyboard.press(String(key));
      // Each answer is on screen (its button pressed, or the next question current)
      // before the next key: a key is never read against the previous question.
      if (key > 0) {
        await page.locator('.entry-question').nth(q).locator('.choice').nth(key - 1).and(page.locator('[aria-pressed="true"]')).waitFor();
      } else if (q + 1 < keys.length) {
        await page.locator('.question-pick').nth(q + 1).and(page.locator('[aria-current="step"]')).waitFor();
      }
    }
    await page.keyboard.press('Enter');
    await page.locator('#participant-count', { hasText: String(i + 1) }).waitFor();
  }

  // What was entered, row by row (participant order), as choice indexes (0 = none).
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('briques.duplo.session')));
  const ids = stored.survey.questions.map((q) => q.id);
  const entered = stored.responses.map((r) => ids.map((id, q) => 1 + stored.survey.questions[q].choices.findIndex((c) => c.id === r.answers[id])));
  assert.deepEqual(entered, ROWS);

  // The sentences, from figures computed here.
  const all = [0, 1, 2, 3, 4];
  const alone = unique(all);
  assert.equal(alone, 4, 'rows 3, 6, 7 and 8 are alone on the five questions');
  let fewest = null;
  for (let size = 1; size < all.length && size <= 3 && !fewest; size += 1) {
    const best = Math.max(...subsets(all.length, size).map(unique));
    if (best > 0) fewest = { size, best };
  }
  assert.deepEqual(fewest, { size: 1, best: 3 }, 'one answer is enough: three birthdays are given once');
  const expected = [
    `${alone} ${plural(alone, 'combinaison de réponses n\'est partagée', 'combinaisons de réponses ne sont partagées')} avec personne : `
      + `avec seulement ${all.length} questions, ${alone} lignes du tableau sur ${ROWS.length} désignent chacune une seule personne.`,
    `Dans ce groupe, connaître ${fewest.size} ${plural(fewest.size, 'réponse', 'réponses')} suffit pour isoler `
      + `${fewest.best} ${plural(fewest.best, 'participant', 'participants')} sur ${ROWS.length}.`,
  ];
  const list = page.getByRole('list', { name: 'À lire à voix haute' });
  await list.getByRole('listitem').filter({ hasText: expected[0] }).waitFor({ timeout: 5000 });
  assert.deepEqual(await list.getByRole('listitem').allTextContents(), expected);
  const said = expected.join(' ');
  for (const label of LABELS.flat()) assert.ok(!said.includes(label), `no sentence names « ${label} »`);

  // Towers of the first question coloured by the birthday: one pattern per answer, in
  // the bricks and the legend, each a pattern of its own; no answer is a plain brick.
  await page.getByLabel('Couleur des briques selon').selectOption({ label: BIRTHDAY });
  const legend = page.getByRole('list', { name: `Couleurs : ${BIRTHDAY}` });
  await legend.waitFor();
  const legendFills = await legend.locator('svg rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
  assert.equal(legendFills.length, LABELS[4].length + 1);
  const patterns = legendFills.slice(0, LABELS[4].length);
  assert.ok(patterns.every((f) => /^url\(#brick-pattern-[a-z-]+\)$/.test(f)), legendFills.join(' '));
  assert.equal(new Set(patterns).size, patterns.length, 'a pattern per answer');
  assert.ok(!legendFills[LABELS[4].length].startsWith('url('), 'no answer: plain');
  // Each pattern exists, and draws marks over its colour (not colour alone).
  for (const fill of patterns) {
    const id = fill.slice('url(#'.length, -1);
    const marks = await page.locator(`#duplo-tours pattern#${id} > *`).count();
    assert.ok(marks >= 2, `${id}: a background and its marks`);
  }
  const brickFills = await page.locator('#duplo-tours rect.brick').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
  assert.equal(brickFills.length, ROWS.length, 'one brick per person');
  const used = new Set(ROWS.map((r) => r[4]).filter((k) => k > 0));
  assert.deepEqual(
    new Set(brickFills.filter((f) => f.startsWith('url('))),
    new Set([...used].map((k) => patterns[k - 1])),
    'each brick wears its answer\'s pattern, as in the legend',
  );
  const plain = await page.locator('#duplo-tours rect.brick[stroke-dasharray]').count();
  assert.equal(plain, ROWS.filter((r) => r[4] === 0).length, 'the skipped birthday is a dashed plain brick');

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
