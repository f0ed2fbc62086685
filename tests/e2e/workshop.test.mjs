// The whole workshop live: a pack launched from the library becomes one session whose
// steps the presenter view moves through (buttons and keyboard shortcuts), the projected
// screen (/live/{code}/ecran, 16:9, no scrolling at 1280×720 and 1920×1080) shows each
// step's results, and three phones answer through the API (the participant page has its
// own tests). Every figure on the screen is computed here from what the phones sent, or
// read from the participants' view the server computes, never taken from the page.
// axe-core scans the presenter and the screen, in normal and projector mode.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

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

const CHARTS = 'Lire et construire un graphique';
const BUDGET = 'Le budget de ma commune';
const DUPLO = 'Les données en Duplo';

const api = (code, rest = '') => `${server.base}/api/live/sessions/${code}${rest}`;

async function call(method, url, body, headers = {}) {
  const reply = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': 'fr', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await reply.text();
  assert.ok(reply.ok, `${method} ${url}: ${reply.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A phone: joins `code`, answers steps through the API. */
async function phone(code) {
  const { token, participant } = await call('POST', api(code, '/join'), {});
  return {
    number: participant,
    input: (step, input) => call('PUT', api(code, '/input'), { step, input }, { 'x-briques-participant': token }),
  };
}

const publicView = (code) => call('GET', api(code));

/** Reveals with Alt+R in the presenter view and resolves with the participants' view
 * once the server has applied it (the presenter's button, which follows the server's
 * state, shows it pressed). */
async function revealedView(page, code) {
  await page.keyboard.press('Alt+r');
  await page.locator('button[aria-pressed="true"]', { hasText: 'Montrer les résultats aux participants' }).waitFor();
  return publicView(code);
}

/** The facilitator opens the library, the pack, and launches it live; resolves on the
 * presenter view with a screen page open in the same browser (the same laptop). */
async function launch(t, title, { beforePresenter } = {}) {
  const laptop = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  t.after(() => laptop.context.close());
  const { page } = laptop;
  await page.goto(`${server.base}/ateliers`);
  await waitForHeading(page, 'Ateliers');
  await page.getByRole('link', { name: title, exact: true }).click();
  await waitForHeading(page, title);
  await page.getByRole('button', { name: "Lancer tout l'atelier en direct" }).click();
  if (beforePresenter) await beforePresenter(page);
  await page.waitForURL(/\/live\/[A-Z0-9]{6}\/projecteur$/);
  const code = page.url().match(/\/live\/([A-Z0-9]{6})\//)[1];
  await waitForHeading(page, "Session en direct : vue de l'animateur");
  const screen = await laptop.context.newPage();
  await screen.setViewportSize({ width: 1280, height: 720 });
  await screen.goto(`${server.base}/live/${code}/ecran`);
  await screen.locator('.screen').waitFor();
  assert.deepEqual(laptop.errors, []);
  return { page, screen, code, errors: laptop.errors };
}

/** The screen fits: nothing scrolls, at 1280×720 then 1920×1080. */
async function fits(screen, what) {
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    await screen.setViewportSize(size);
    const over = await screen.evaluate(() => {
      const root = document.scrollingElement;
      const box = document.querySelector('.screen');
      return {
        page: root.scrollHeight - window.innerHeight,
        pageX: root.scrollWidth - window.innerWidth,
        box: box.scrollHeight - box.clientHeight,
      };
    });
    assert.ok(over.page <= 1 && over.pageX <= 1 && over.box <= 1, `${what} at ${size.width}×${size.height}: ${JSON.stringify(over)}`);
  }
}

async function next(page, screen, n) {
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  await screen.getByRole('heading', { level: 1, name: new RegExp(`étape ${n} sur`) }).waitFor();
}

test('the chart pack runs live: votes on honest and misleading charts, then a word', async (t) => {
  const { page, screen, code } = await launch(t, CHARTS);
  const view = await publicView(code);
  const votes = view.steps.filter((s) => s.kind === 'vote');
  assert.equal(votes.length, 5, 'one vote per misleading chart of the pack');
  assert.equal(view.steps.at(-1).kind, 'words');
  assert.ok(votes.every((v) => v.correct === undefined && v.explanation === undefined), 'no answer key before reveal');

  // The screen shows how to join first: the code and a QR code.
  await screen.locator('.screen-code', { hasText: code }).waitFor();
  await screen.locator('img.screen-qr').waitFor();
  await fits(screen, 'join');
  assert.deepEqual(await axeViolations(screen), []);

  const phones = await Promise.all([phone(code), phone(code), phone(code)]);
  // Step 1: two say B, one says A.
  await page.getByRole('button', { name: 'L’étape en cours' }).or(page.getByRole('button', { name: "L'étape en cours" })).click();
  await screen.locator('.vote-chart svg').nth(1).waitFor();
  assert.equal(await screen.locator('.vote-chart').count(), 2);
  const titles = await screen.locator('.vote-chart svg').allTextContents();
  for (const text of titles) assert.doesNotMatch(text, /tronqué|trompeur|choisie/i, 'neutral titles');
  for (const [i, choice] of [1, 1, 0].entries()) await phones[i].input(0, { kind: 'vote', choice });
  await screen.locator('.vote-count').first().filter({ hasText: '1' }).waitFor();
  assert.deepEqual(await screen.locator('.vote-count').allTextContents(), ['1', '2', '0']);
  assert.equal(await screen.locator('.step-answer').count(), 0, 'nothing revealed yet');
  // Alt+R reveals: the right chart and the pack's explanation.
  const revealed = await revealedView(page, code);
  await screen.locator('.step-answer').waitFor();
  assert.equal(await screen.locator('.step-answer').textContent(), revealed.steps[0].explanation);
  const right = revealed.steps[0].correct;
  await screen.locator('.vote-chart.right').waitFor();
  assert.equal(await screen.locator('.vote-chart').nth(right).getAttribute('class'), 'vote-chart right');
  await fits(screen, 'vote');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await axeViolations(screen), []);

  // Page Down moves on (what a presentation remote sends): results are hidden again.
  await page.locator('body').press('PageDown');
  await screen.getByRole('heading', { level: 1, name: /étape 2 sur 6/ }).waitFor();
  assert.equal((await publicView(code)).state.revealed, false);

  // The last step: words, one hidden by the facilitator before it is shown.
  for (let n = 3; n <= 6; n += 1) await next(page, screen, n);
  const words = ['Esprit critique', 'esprit critiques', 'un gros mot'];
  for (const [i, text] of words.entries()) await phones[i].input(5, { kind: 'words', text });
  // The phones joined at once: their numbers are the order the server took them in.
  await page.getByRole('button', { name: `Masquer la réponse du participant n° ${phones[2].number}` }).click();
  await page.keyboard.press('Alt+r');
  await screen.locator('.word-cloud li').first().waitFor();
  assert.deepEqual(await screen.locator('.word-cloud li').allTextContents(), ['Esprit critique (2)']);
  await fits(screen, 'words');
  // The export keeps the hidden answer, marked.
  const secret = await page.evaluate((c) => localStorage.getItem(`briques.live.secret.${c}`), code);
  const file = await call('GET', api(code, '/export/json'), undefined, { authorization: `Bearer ${secret}` });
  const hidden = file.workshop.answers.filter((a) => a.hidden);
  assert.deepEqual(hidden.map((a) => [a.step, a.participant]), [[5, phones[2].number]]);

  // Projector mode (Alt+P) on the screen: still clean for axe.
  await screen.keyboard.press('Alt+p');
  await screen.waitForFunction(() => document.documentElement.classList.contains('projector'));
  assert.deepEqual(await axeViolations(screen), []);
  // The presenter view in projector mode too (the setting is this device's).
  await page.reload();
  await page.waitForFunction(() => document.documentElement.classList.contains('projector'));
  await waitForHeading(page, "Session en direct : vue de l'animateur");
  await page.locator('.step-list').waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

test('the budget pack plays the demo commune live: a guess on schools, then groups', async (t) => {
  const { page, screen, code } = await launch(t, BUDGET, {
    async beforePresenter(budget) {
      await budget.getByRole('button', { name: 'Lancer en direct avec cette commune' }).click();
    },
  });
  const view = await publicView(code);
  assert.deepEqual(view.steps.map((s) => s.kind), ['guess', 'mayor', 'words']);
  const phones = await Promise.all([phone(code), phone(code), phone(code)]);
  await page.getByRole('button', { name: "L'étape en cours" }).click();
  const guesses = [10, 30, 35];
  for (const [i, value] of guesses.entries()) await phones[i].input(0, { kind: 'guess', value });
  await screen.locator('.step-count', { hasText: '3 réponses' }).waitFor();
  const revealed = await revealedView(page, code);
  const real = revealed.steps[0].answer;
  assert.ok(real > 0 && real < 100, `${real}`);
  await screen.locator('.step-answer').waitFor();
  const shown = (await screen.locator('.step-answer').textContent()).replace(/\s/g, ' ');
  assert.equal(shown, `Le vrai chiffre : ${String(real).replace('.', ',')} €`);
  await screen.locator('.step-count', { hasText: 'Médiane de la salle : 30 €' }).waitFor();
  // The distribution on screen is the core's, and the one counted here by hand: ten
  // equal bars over the step's range.
  const { min, max } = revealed.steps[0];
  const byHand = Array(10).fill(0);
  for (const g of guesses) byHand[Math.min(9, Math.floor(((g - min) / (max - min)) * 10))] += 1;
  const bars = await screen.locator('.histogram g.bin title').allTextContents();
  const onScreen = bars.map((text) => Number(text.split(' : ').pop()));
  assert.deepEqual(onScreen, revealed.step_results.bins.map((b) => b.count));
  assert.deepEqual(onScreen, byHand);
  await fits(screen, 'guess');

  // Two groups; one, on a real phone page, sends twice; the projector compares them
  // with the actual budget.
  await next(page, screen, 2);
  const group = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  t.after(() => group.context.close());
  await group.page.goto(`${server.base}/live/${code}`);
  await group.page.getByRole('heading', { level: 2, name: "Si j'étais maire" }).waitFor();
  await group.page.getByLabel('Nom du groupe').fill('Les Écoles');
  // Two tokens from culture to the school: balanced.
  const step = view.steps[1];
  const tokensOf = (code) => step.base.postes.find((p) => p[0] === code)[2];
  await group.page.getByRole('button', { name: 'Un jeton de plus : École et périscolaire' }).click();
  await group.page.getByRole('button', { name: 'Un jeton de moins : Culture, fêtes et associations' }).click();
  await group.page.getByText('Le budget respecte toutes les règles.').waitFor();
  await group.page.getByRole('button', { name: 'Envoyer la proposition du groupe' }).click();
  await group.page.getByRole('status').filter({ hasText: 'Proposition du groupe « Les Écoles » envoyée ✓' }).waitFor();
  await screen.locator('.mayor-compare thead th', { hasText: 'Les Écoles' }).waitFor();
  // Sent again: five more tokens for the school with no tax: too many laid.
  await group.page.getByLabel('École et périscolaire', { exact: true }).fill(String(tokensOf('ecole') + 6));
  await group.page.getByRole('button', { name: 'Envoyer la proposition du groupe' }).click();
  await group.page.locator('.mine dd', { hasText: String(tokensOf('ecole') + 6) }).first().waitFor();
  await phones[1].input(1, { kind: 'mayor', group: 'Vélo', choices: { jetons: { culture: tokensOf('culture') - 1, autofinancement: tokensOf('autofinancement') + 1 } } });
  const results = (await revealedView(page, code)).step_results;
  // Groups in the order of their devices' participant numbers.
  assert.deepEqual(results.groups.map((g) => g.group), ['Vélo', 'Les Écoles']);
  const head = screen.locator('.mayor-compare thead th');
  await head.filter({ hasText: 'Vélo' }).waitFor();
  assert.deepEqual(await head.allTextContents(), ['Poste (jetons)', 'Budget réel', 'Moyenne des groupes', 'Vélo', 'Les Écoles']);
  // The school's tokens on screen are the core's: actual, average, each group.
  const school = screen.locator('.mayor-compare tr', { hasText: 'École et périscolaire' }).locator('td');
  const tokens = (a) => a.jetons.find((j) => j[0] === 'ecole')[1];
  const fr = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1).replace('.', ','));
  const expected = [results.actual, results.average, ...results.groups.map((g) => g.allocation)].map((a) => fr(tokens(a)));
  assert.deepEqual(await school.allTextContents(), expected);
  assert.deepEqual(expected.slice(2), [String(tokensOf('ecole')), String(tokensOf('ecole') + 6)]);
  const mine = (await call('GET', api(code))).steps[1];
  assert.equal(mine.kind, 'mayor');
  assert.deepEqual(group.errors, []);
  // Six tokens more with no tax is not balanced, on screen as in the core's results.
  assert.deepEqual(results.groups[1].problems, ['equilibre']);
  assert.deepEqual(results.groups[0].problems, []);
  const rules = screen.locator('.mayor-compare tr', { hasText: 'Règles' }).locator('td');
  for (const [i, g] of results.groups.entries()) {
    const cell = await rules.nth(2 + i).textContent();
    assert.equal((cell.match(/✗/g) || []).length, g.problems.length, `${g.group}: ${cell}`);
  }
  await fits(screen, 'mayor');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await axeViolations(screen), []);

  // Page Up goes back a step (the projector follows), Page Down forward again.
  await page.locator('body').press('PageUp');
  await screen.getByRole('heading', { level: 1, name: /étape 1 sur 3/ }).waitFor();
  assert.equal((await publicView(code)).state.step, 0);
  await page.locator('body').press('PageDown');
  await screen.getByRole('heading', { level: 1, name: /étape 2 sur 3/ }).waitFor();

  // The last step: a word from every device, the group's phone page included; the
  // cloud groups French word forms (case, accents, plural), counted here by hand.
  await next(page, screen, 3);
  const words = ['Transparence', 'transparences', 'les écoles'];
  for (const [i, text] of words.entries()) await phones[i].input(2, { kind: 'words', text });
  const field = group.page.getByLabel(/^Votre réponse/);
  await field.fill('Les Écoles');
  await group.page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await group.page.getByRole('status').filter({ hasText: 'Réponse enregistrée ✓' }).waitFor();
  await screen.locator('.step-count', { hasText: '4 réponses' }).waitFor();
  await page.keyboard.press('Alt+r');
  await screen.locator('.word-cloud li').first().waitFor();
  const cloud = (await screen.locator('.word-cloud li').allTextContents()).sort();
  assert.deepEqual(cloud, ['Transparence (2)', 'les écoles (2)'].sort());
  // The phones see the same words once revealed.
  await group.page.getByRole('heading', { name: 'Les mots de la salle' }).waitFor();
  await fits(screen, 'words');
  assert.deepEqual(group.errors, []);
  assert.deepEqual(await axeViolations(group.page), []);
});

test('the Duplo pack live: the presenter chooses what the screen shows', async (t) => {
  const { page, screen, code } = await launch(t, DUPLO);
  const view = await publicView(code);
  assert.deepEqual(view.steps.map((s) => s.kind), ['duplo', 'words']);
  const survey = view.survey;
  for (let i = 0; i < 4; i += 1) {
    const { token } = await call('POST', api(code, '/join'), {});
    const question = survey.questions[0];
    await call('PUT', api(code, '/answer'), { question: question.id, choice: question.choices[i % 2].id }, { 'x-briques-participant': token });
  }
  await page.getByRole('button', { name: 'Les tours de briques' }).click();
  await screen.locator('.screen-towers svg').first().waitFor();
  await fits(screen, 'towers');
  await page.getByRole('button', { name: 'Le tableau croisé' }).click();
  await screen.locator('.screen-crosstab svg').first().waitFor();
  await fits(screen, 'crosstab');
  assert.deepEqual(await axeViolations(screen), []);
  // No control on the screen; it follows the questions the presenter crosses.
  assert.equal(await screen.locator('.screen :is(button, select, input):visible').count(), 0);
  const rows = page.locator('label', { hasText: /^Lignes/ }).locator('select');
  const choice = survey.questions[0];
  await rows.selectOption(choice.id);
  await screen.locator('.screen-crosstab svg text', { hasText: choice.choices[0].label }).first().waitFor();
  // The preview in the presenter view is the screen itself.
  const preview = page.frameLocator('iframe.screen-preview');
  await preview.locator('.screen-crosstab').waitFor();
  // Moving to the word step shows the step, whatever the Duplo view was.
  await page.locator('body').press('PageDown');
  await screen.locator('.screen-step').waitFor();
  assert.equal((await publicView(code)).state.step, 1);
});
