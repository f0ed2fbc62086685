// A live session in separate browser contexts: the facilitator starts it from /direct,
// a participant answers on their "phone", the projector shows the answer; revealing
// shows aggregates on the phone; a reload keeps the participant's identity; a device
// that cannot keep the secret or the token says so; axe-core finds nothing on the
// three pages.
//
// Each test starts its own session (through the /direct page, as a facilitator would)
// and opens its own contexts; only the server and the browser are shared.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Makes this context's local storage refuse every write, as a full one does. */
async function fullStorage(context) {
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

/** Opens a context (closed when the test ends), optionally with a full storage. */
async function open(t, { full = false, ...options } = {}) {
  const opened = await openPage(browser, options);
  t.after(() => opened.context.close());
  if (full) await fullStorage(opened.context);
  return opened;
}

/** A facilitator starts a session from /direct; resolves once the projector shows it. */
async function startSession(t, options = {}) {
  const facilitator = await open(t, options);
  const { page } = facilitator;
  await page.goto(`${server.base}/direct`);
  await waitForHeading(page, 'Session en direct');
  await page.getByRole('button', { name: 'Lancer la session en direct' }).click();
  await page.waitForURL(/\/live\/[A-Z0-9]{6}\/projecteur(#cle=.+)?$/);
  const code = page.url().match(/\/live\/([A-Z0-9]{6})\//)[1];
  await page.locator('.join-code', { hasText: code }).waitFor();
  return { ...facilitator, code };
}

/** A phone joins `code` and answers "Dessert" to the first question. */
async function joinAndAnswer(t, code, options = {}) {
  const phone = await open(t, { ...PHONE, ...options });
  const { page } = phone;
  await page.goto(`${server.base}/live/${code}`);
  await waitForHeading(page, 'Les données en Duplo');
  await page.getByText('vous êtes le participant n° 1').waitFor();
  await page.getByRole('heading', { name: 'Fromage ou dessert ?' }).waitFor();
  await page.getByRole('button', { name: 'Dessert' }).click();
  await page.getByRole('status').filter({ hasText: 'Réponse enregistrée ✓' }).waitFor();
  await page.getByRole('heading', { name: 'Sucré ou salé ?' }).waitFor();
  return phone;
}

test('the facilitator starts a session from the Duplo survey', async (t) => {
  const facilitator = await open(t);
  const { page } = facilitator;
  await page.goto(`${server.base}/direct`);
  await waitForHeading(page, 'Session en direct');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Lancer la session en direct' }).click();
  await page.waitForURL(/\/live\/[A-Z0-9]{6}\/projecteur$/);
  const code = page.url().match(/\/live\/([A-Z0-9]{6})\//)[1];
  await page.locator('.join-code', { hasText: code }).waitFor();
  await page.locator(`img[alt="QR code de l'adresse http://127.0.0.1:${new URL(server.base).port}/live/${code}"]`).waitFor();
  assert.equal(await page.locator('#live-count').textContent(), '0');
  assert.deepEqual(facilitator.errors, []);
});

test('an answer on the phone appears on the projector', async (t) => {
  const { page: projector, code } = await startSession(t);
  await joinAndAnswer(t, code);
  await projector.locator('#live-count', { hasText: '1' }).waitFor();
  await projector.locator('#direct-tours .tower-count[data-choice="Dessert"]', { hasText: '1' }).waitFor();
  assert.equal(await projector.locator('#direct-tours .tower-count[data-choice="Fromage"]').textContent(), '0');
  // The export is posted with the secret in the form's body: no link on the page holds it.
  assert.equal(await projector.locator('[href*="secret="]').count(), 0);
  const [download] = await Promise.all([
    projector.waitForEvent('download'),
    projector.getByRole('button', { name: 'Exporter en CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `session-${code}.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffParticipant;'), csv.slice(0, 40));
  assert.match(csv, /Dessert/);
});

test('revealing shows the room results on the phone, and a reload keeps the identity', async (t) => {
  const facilitator = await startSession(t);
  const { page } = await joinAndAnswer(t, facilitator.code);
  await facilitator.page.getByRole('button', { name: 'Montrer les résultats aux participants' }).click();
  await page.getByRole('heading', { name: 'Résultats de la salle' }).waitFor();
  await page.reload();
  await page.getByText('vous êtes le participant n° 1').waitFor();
  await page.getByRole('heading', { name: 'Résultats de la salle' }).waitFor();
  // Their answers are read back: the phone resumes at the first question not answered
  // (level 2: the revealed results repeat each question as a level-3 heading).
  await page.getByRole('heading', { level: 2, name: 'Sucré ou salé ?' }).waitFor();
  await page.getByRole('button', { name: 'Sucré' }).click();
  await page.getByRole('status').filter({ hasText: 'Réponse enregistrée ✓' }).waitFor();
  await page.getByRole('button', { name: 'Question précédente' }).click();
  assert.equal(await page.getByRole('button', { name: 'Sucré' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Question précédente' }).click();
  assert.equal(await page.getByRole('button', { name: 'Dessert' }).getAttribute('aria-pressed'), 'true');
});

test('axe-core finds nothing on the participant and projector pages', async (t) => {
  const facilitator = await startSession(t);
  const phone = await joinAndAnswer(t, facilitator.code);
  await facilitator.page.getByRole('button', { name: 'Montrer les résultats aux participants' }).click();
  await phone.page.getByRole('heading', { name: 'Résultats de la salle' }).waitFor();
  await facilitator.page.locator('#live-count', { hasText: '1' }).waitFor();
  assert.deepEqual(await axeViolations(phone.page), []);
  assert.deepEqual(await axeViolations(facilitator.page), []);
  await facilitator.page.getByRole('button', { name: 'Mode projecteur' }).click();
  await facilitator.page.waitForSelector('html.projector');
  assert.deepEqual(await axeViolations(facilitator.page), []);
  assert.deepEqual(facilitator.errors, []);
  assert.deepEqual(phone.errors, []);
});

test('a device that cannot keep the secret or the token says so and goes on', async (t) => {
  // The secret cannot be kept on /direct: it travels in the address, which stays.
  const facilitator = await startSession(t, { full: true });
  assert.match(facilitator.page.url(), /\/projecteur#cle=.+$/);
  await facilitator.page
    .getByRole('alert')
    .filter({ hasText: "La clé d'animation n'a pas pu être enregistrée sur cet appareil : le stockage du navigateur est plein." })
    .filter({ hasText: '« #cle=… »' })
    .waitFor();
  assert.match(facilitator.page.url(), /#cle=.+$/, 'the address still holds the secret');

  const phone = await joinAndAnswer(t, facilitator.code, { full: true });
  await phone.page
    .getByRole('alert')
    .filter({ hasText: "Votre numéro de participant n'a pas pu être enregistré sur ce téléphone" })
    .waitFor();
  await facilitator.page.locator('#live-count', { hasText: '1' }).waitFor();
  assert.deepEqual(await axeViolations(phone.page), []);
  assert.deepEqual(await axeViolations(facilitator.page), []);
  assert.deepEqual(facilitator.errors, []);
  assert.deepEqual(phone.errors, []);
});

test('an unknown code gets a French explanation page', async (t) => {
  const { page } = await open(t, PHONE);
  const response = await page.goto(`${server.base}/live/ACDEFG`);
  assert.equal(response.status(), 404);
  await waitForHeading(page, 'Session en direct');
  await page.getByText('Aucune session en direct ne porte le code « ACDEFG »').waitFor();
});

test('the projector carries the lesson on: what the groups give away, protection, the commune, the linkage round', async (t) => {
  const facilitator = await startSession(t);
  await joinAndAnswer(t, facilitator.code);
  const { page } = facilitator;
  await page.locator('#live-count', { hasText: '1' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Qui est trahi par son groupe ?' }).waitFor();
  // One participant who gave no quasi-identifier: one group of one, k = 1.
  await page.locator('section.protect [data-protect-k="1"]').waitFor();
  await page.locator('section.population').getByLabel('ou sa population').fill('1000');
  await page.locator('section.population [data-population-alone]').waitFor();
  await page.locator('section.linkage').getByRole('button', { name: 'Croiser avec le registre fictif' }).click();
  // Their skipped answers match everyone in the register: no name.
  await page.locator('section.linkage [data-named="0"]').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(facilitator.errors, []);
});
