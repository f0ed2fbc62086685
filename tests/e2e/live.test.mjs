// A live session in two browser contexts: the facilitator starts it from /direct, a
// participant answers on their "phone", the projector shows the answer; revealing
// shows aggregates on the phone; a reload keeps the participant's identity; axe-core
// finds nothing on the three pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

let server;
let browser;
let facilitator;
let phone;
let code;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  facilitator = await openPage(browser);
  phone = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

test('the facilitator starts a session from the Duplo survey', async () => {
  const { page } = facilitator;
  await page.goto(`${server.base}/direct`);
  await waitForHeading(page, 'Session en direct');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Lancer la session en direct' }).click();
  await page.waitForURL(/\/live\/[A-Z0-9]{6}\/projecteur$/);
  code = page.url().match(/\/live\/([A-Z0-9]{6})\//)[1];
  await page.locator('.join-code', { hasText: code }).waitFor();
  await page.locator(`img[alt="QR code de l'adresse http://127.0.0.1:${new URL(server.base).port}/live/${code}"]`).waitFor();
  assert.equal(await page.locator('#live-count').textContent(), '0');
});

test('an answer on the phone appears on the projector', async () => {
  const { page } = phone;
  await page.goto(`${server.base}/live/${code}`);
  await waitForHeading(page, 'Les données en Duplo');
  await page.getByText('vous êtes le participant n° 1').waitFor();
  await page.getByRole('heading', { name: 'Fromage ou dessert ?' }).waitFor();
  await page.getByRole('button', { name: 'Dessert' }).click();
  await page.getByRole('status').filter({ hasText: 'Réponse enregistrée ✓' }).waitFor();
  await page.getByRole('heading', { name: 'Sucré ou salé ?' }).waitFor();

  const projector = facilitator.page;
  await projector.locator('#live-count', { hasText: '1' }).waitFor();
  await projector.locator('#direct-tours .tower-count[data-choice="Dessert"]', { hasText: '1' }).waitFor();
  assert.equal(await projector.locator('#direct-tours .tower-count[data-choice="Fromage"]').textContent(), '0');
});

test('revealing shows the room results on the phone, and a reload keeps the identity', async () => {
  await facilitator.page.getByRole('button', { name: 'Montrer les résultats aux participants' }).click();
  const { page } = phone;
  await page.getByRole('heading', { name: 'Résultats de la salle' }).waitFor();
  await page.reload();
  await page.getByText('vous êtes le participant n° 1').waitFor();
  await page.getByRole('heading', { name: 'Résultats de la salle' }).waitFor();
  // Their own answer is still theirs after the reload: the first question shows it.
  await page.getByRole('button', { name: 'Sucré' }).click();
  await page.getByRole('status').filter({ hasText: 'Réponse enregistrée ✓' }).waitFor();
  await page.getByRole('button', { name: 'Question précédente' }).click();
  assert.equal(await page.getByRole('button', { name: 'Sucré' }).getAttribute('aria-pressed'), 'true');
});

test('axe-core finds nothing on the participant and projector pages', async () => {
  assert.deepEqual(await axeViolations(phone.page), []);
  assert.deepEqual(await axeViolations(facilitator.page), []);
  await facilitator.page.getByRole('button', { name: 'Mode projecteur' }).click();
  await facilitator.page.waitForSelector('html.projector');
  assert.deepEqual(await axeViolations(facilitator.page), []);
  assert.deepEqual(facilitator.errors, []);
  assert.deepEqual(phone.errors, []);
});

test('an unknown code gets a French explanation page', async () => {
  const { page } = phone;
  const response = await page.goto(`${server.base}/live/ACDEFG`);
  assert.equal(response.status(), 404);
  await waitForHeading(page, 'Session en direct');
  await page.getByText('Aucune session en direct ne porte le code « ACDEFG »').waitFor();
});
