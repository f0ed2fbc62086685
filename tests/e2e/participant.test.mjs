// The participant's page (/live/{code}), served by the server without the app: a phone
// of 360 px joins, answers one question per screen, changes an answer, reloads and is
// the same participant; the keyboard alone answers; the language switch keeps the
// participant; an answer sent while the server is away is said to be unsaved, then sent
// once the server is back; axe-core finds nothing.
//
// Sessions are created through the API (as the /direct page does) so that each test
// starts from what it needs; the facilitator's controls are API calls too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, axeViolations } from './helpers.mjs';

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

const choice = (id, label, colour) => ({ id, label, colour });
const SURVEY = {
  title: 'Les données en Duplo',
  questions: [
    { id: 'repas', label: 'Fromage ou dessert ?', role: 'opinion',
      choices: [choice('fromage', 'Fromage', 'yellow'), choice('dessert', 'Dessert', 'reddish-purple')] },
    { id: 'gout', label: 'Sucré ou salé ?', role: 'opinion',
      choices: [choice('sucre', 'Sucré', 'orange'), choice('sale', 'Salé', 'sky-blue')] },
    { id: 'genre', label: 'Genre', role: 'quasi-identifier',
      choices: [choice('femme', 'Femme', 'vermillion'), choice('homme', 'Homme', 'blue')] },
  ],
};

/** Creates a session on `base` through the API: its code and the facilitator's secret. */
async function createSession(base, body = { survey: SURVEY }) {
  const response = await fetch(`${base}/api/live/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

/** A facilitator's request (control, view). */
async function facilitator(base, code, secret, path, body) {
  const response = await fetch(`${base}/api/live/sessions/${code}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${secret}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

/** A phone (closed when the test ends) that records every request it makes. */
async function phone(t, options = {}) {
  const opened = await openPage(browser, { ...PHONE, ...options });
  t.after(() => opened.context.close());
  const requested = [];
  opened.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  return { ...opened, requested };
}

const saved = (page) => page.getByRole('status').filter({ hasText: 'Réponse enregistrée ✓' });

test('a phone answers, changes an answer, reloads and is the same participant, without the app', async (t) => {
  const { code, secret } = await createSession(server.base);
  const { page, errors, requested } = await phone(t);
  const response = await page.goto(`${server.base}/live/${code}`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'Les données en Duplo' }).waitFor();
  await page.getByText(`Session ${code} · vous êtes le participant n° 1`).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Fromage ou dessert ?' }).waitFor();
  await page.getByRole('button', { name: 'Dessert' }).click();
  await saved(page).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Sucré ou salé ?' }).waitFor();

  // Back to the first question: the answer shows, and changes while the question is open.
  await page.getByRole('button', { name: 'Question précédente' }).click();
  assert.equal(await page.getByRole('button', { name: 'Dessert' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await saved(page).count(), 0, 'said only until the participant moves on');
  await page.getByRole('button', { name: 'Fromage' }).click();
  await saved(page).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Sucré ou salé ?' }).waitFor();
  const { view } = await facilitator(server.base, code, secret, '/facilitator');
  assert.deepEqual(view.session.responses.map((r) => r.answers), [{ repas: 'fromage' }]);

  // A reload is the same participant, resumes at the first question not answered, and
  // shows the answers given.
  await page.reload();
  await page.getByText('vous êtes le participant n° 1').waitFor();
  await page.getByRole('heading', { level: 2, name: 'Sucré ou salé ?' }).waitFor();
  await page.getByRole('button', { name: 'Question précédente' }).click();
  assert.equal(await page.getByRole('button', { name: 'Fromage' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Dessert' }).getAttribute('aria-pressed'), 'false');

  // Skipping to the end: the count of answers, and the way back.
  await page.getByRole('button', { name: 'Passer' }).click();
  await page.getByRole('button', { name: 'Passer' }).click();
  await page.getByRole('button', { name: 'Passer' }).click();
  await page.getByRole('heading', { level: 2, name: 'Merci !' }).waitFor();
  await page.getByText('Réponses enregistrées : 1 sur 3.').waitFor();
  await page.getByRole('button', { name: 'Modifier mes réponses' }).click();
  await page.getByRole('heading', { level: 2, name: 'Fromage ou dessert ?' }).waitFor();

  // The page is the server's: no app bundle, no WebAssembly, no service worker.
  assert.deepEqual(requested.filter((p) => p.startsWith('/pkg/') || p.endsWith('.wasm') || p === '/boot.js' || p === '/sw.js'), []);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  assert.equal(await page.locator('nav.site-nav, .site-header').count(), 0, 'no site menu');
  assert.deepEqual(errors, []);
});

test('the question the server draws is the one the script draws: nothing moves when it runs', async (t) => {
  const { code } = await createSession(server.base);
  // Without the script, the first question is there (and says it needs JavaScript).
  const bare = await phone(t, { javaScriptEnabled: false });
  await bare.page.goto(`${server.base}/live/${code}`);
  await bare.page.getByRole('heading', { level: 2, name: 'Fromage ou dessert ?' }).waitFor();
  assert.equal(await bare.page.getByRole('button', { name: 'Dessert' }).count(), 1);
  const { page, errors } = await phone(t);
  await page.goto(`${server.base}/live/${code}`);
  await page.getByText('vous êtes le participant n° 1').waitFor();
  const same = await page.evaluate(async () => {
    const html = await fetch(window.location.href).then((r) => r.text());
    const served = new DOMParser().parseFromString(html, 'text/html').getElementById('screen');
    const drawn = document.getElementById('screen').cloneNode(true);
    drawn.querySelectorAll('[data-key]').forEach((node) => node.removeAttribute('data-key'));
    return served.isEqualNode(drawn) || [served.innerHTML, drawn.innerHTML];
  });
  assert.equal(same, true);
  assert.deepEqual(errors, []);
});

test('the keyboard alone answers, and focus follows the questions', async (t) => {
  const { code } = await createSession(server.base);
  const { page, errors } = await phone(t);
  await page.goto(`${server.base}/live/${code}`);
  await page.getByText('vous êtes le participant n° 1').waitFor();
  await page.keyboard.press('Tab'); // the language switch
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Fromage');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await saved(page).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Sucré ou salé ?' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Sucré ou salé ?');
  await page.keyboard.press('Tab');
  await page.keyboard.press(' ');
  await page.getByRole('heading', { level: 2, name: 'Genre' }).waitFor();
  assert.deepEqual(errors, []);
});

test('the language switch keeps the participant, and the device remembers the language', async (t) => {
  const { code } = await createSession(server.base);
  const { page, errors } = await phone(t);
  await page.goto(`${server.base}/live/${code}`);
  await page.getByText('vous êtes le participant n° 1').waitFor();
  await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/\?lang=en$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByText(`Session ${code} · you are participant 1`).waitFor();
  await page.getByText('Question 1 of 3').waitFor();
  // The survey is the facilitator's, in the facilitator's words.
  await page.getByRole('button', { name: 'Dessert' }).click();
  await page.getByRole('status').filter({ hasText: 'Answer saved ✓' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // Opened again without ?lang=, the page comes in the language chosen on this device.
  await page.goto(`${server.base}/live/${code}`);
  await page.waitForURL(/\?lang=en$/);
  await page.getByText('you are participant 1').waitFor();
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
  await page.getByText('vous êtes le participant n° 1').waitFor();
  assert.deepEqual(errors, []);
});

test('the browser language decides when the device has no choice', async (t) => {
  const { code } = await createSession(server.base);
  const { page } = await phone(t, { locale: 'en-GB' });
  await page.goto(`${server.base}/live/${code}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByText('you are participant 1').waitFor();
});

test('axe-core finds nothing on the participant page at 360 px, results revealed', async (t) => {
  const { code, secret } = await createSession(server.base, { survey: SURVEY, mask_k: 2 });
  const { page, errors } = await phone(t);
  await page.goto(`${server.base}/live/${code}`);
  await page.getByText('vous êtes le participant n° 1').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Dessert' }).click();
  await saved(page).waitFor();
  await facilitator(server.base, code, secret, '/control', { action: 'reveal' });
  await page.getByRole('heading', { level: 2, name: 'Résultats de la salle' }).waitFor();
  await page.getByRole('caption').filter({ hasText: 'Fromage ou dessert ? × Sucré ou salé ?' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await facilitator(server.base, code, secret, '/control', { action: 'end' });
  await page.getByText('Cette session est terminée. Merci de votre participation !').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Fromage' }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('an answer sent while the server is away is said to be unsaved, then sent when it is back', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'briques-e2e-offline-'));
  t.after(() => rmSync(data, { recursive: true, force: true }));
  let own = await startServer({ dataDir: data });
  t.after(() => own.stop());
  const addr = new URL(own.base).host;
  const { code, secret } = await createSession(own.base);
  const { page } = await phone(t);
  await page.goto(`${own.base}/live/${code}`);
  await page.getByText('vous êtes le participant n° 1').waitFor();

  // The Wi-Fi drops (the server is gone at once, as in a crash).
  own.process.kill('SIGKILL');
  await own.stop();
  await page.getByRole('status').filter({ hasText: 'Connexion au serveur perdue' }).waitFor();
  await page.getByRole('button', { name: 'Dessert' }).click();
  await page.getByRole('alert').filter({ hasText: "Le serveur ne répond pas : votre réponse n'est pas encore enregistrée." }).waitFor();
  assert.equal(await saved(page).count(), 0);
  await page.getByRole('heading', { level: 2, name: 'Fromage ou dessert ?' }).waitFor();

  // Back: the page reconnects by itself, joins again as the same participant and sends
  // the answer; the message goes.
  own = await startServer({ dataDir: data, addr });
  await saved(page).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Sucré ou salé ?' }).waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas' }).count(), 0);
  await page.getByText('vous êtes le participant n° 1').waitFor();
  const { view } = await facilitator(own.base, code, secret, '/facilitator');
  assert.deepEqual(view.session.responses.map((r) => r.answers), [{ repas: 'dessert' }]);
  assert.equal(view.joined, 1);
});
