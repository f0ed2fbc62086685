// The débat mouvant live: the facilitator launches « Rien à cacher ? » from the library,
// two phones (the participant page, as served to phones) take sides before the
// discussion, the presenter moves the phase to « Après le débat », the phones answer
// again, and the revealed screen shows both columns and who changed sides. The expected
// figures are computed here from what the phones pressed. axe-core scans the presenter,
// the screen (normal and projector mode) and a phone.

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

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const api = (code, rest = '') => `${server.base}/api/live/sessions/${code}${rest}`;
const publicView = async (code) => (await fetch(api(code))).json();

async function phone(t, code) {
  const opened = await openPage(browser, PHONE);
  t.after(() => opened.context.close());
  await opened.page.goto(`${server.base}/live/${code}`);
  await opened.page.getByText(/vous êtes le participant n°/).waitFor();
  return opened;
}

/** Presses a side on a phone and waits for the server's acknowledgement. */
async function side(page, label) {
  const button = page.getByRole('button', { name: label, exact: true });
  await button.click();
  await page.getByRole('button', { name: label, exact: true, pressed: true }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Réponse enregistrée' }).waitFor();
}

test('a moving debate: two phones before and after, the screen shows who changed sides', async (t) => {
  const laptop = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  t.after(() => laptop.context.close());
  const { page } = laptop;
  await page.goto(`${server.base}/ateliers`);
  await waitForHeading(page, 'Ateliers');
  await page.getByRole('link', { name: 'Rien à cacher ?', exact: true }).click();
  await waitForHeading(page, 'Rien à cacher ?');
  await page.getByRole('button', { name: "Lancer tout l'atelier en direct" }).click();
  await page.waitForURL(/\/live\/[A-Z0-9]{6}\/projecteur$/);
  const code = page.url().match(/\/live\/([A-Z0-9]{6})\//)[1];
  await waitForHeading(page, "Session en direct : vue de l'animateur");
  assert.deepEqual(laptop.errors, []);
  const view = await publicView(code);
  assert.deepEqual(view.steps.map((s) => s.kind), ['debate', 'debate', 'debate', 'debate', 'debate', 'words']);
  assert.ok(view.steps.every((s) => s.note === undefined), 'no landmark before the reveal');
  const statement = view.steps[0].statement;

  const screen = await laptop.context.newPage();
  await screen.setViewportSize({ width: 1280, height: 720 });
  await screen.goto(`${server.base}/live/${code}/ecran`);
  await screen.locator('.screen').waitFor();
  await page.getByRole('button', { name: "L'étape en cours" }).click();
  await screen.getByRole('heading', { name: statement }).waitFor();

  const [a, b] = [await phone(t, code), await phone(t, code)];
  for (const p of [a, b]) {
    await p.page.getByRole('heading', { name: statement }).waitFor();
    await p.page.getByText('Avant le débat : quelle est votre position ?').waitFor();
  }
  // Before: A agrees, B has no opinion (A first said the opposite, then changed).
  await side(a.page, "Pas d'accord");
  await side(a.page, "D'accord");
  await side(b.page, 'Sans avis');
  assert.deepEqual(await axeViolations(a.page), []);

  // The presenter opens « après »: the phones ask again and recall the first answer.
  const phase = page.getByRole('group', { name: 'Phase du débat' });
  await phase.getByRole('button', { name: 'Après le débat' }).click();
  await phase.getByRole('button', { name: 'Après le débat', pressed: true }).waitFor();
  await a.page.getByText('Après le débat : quelle est votre position maintenant ?').waitFor();
  await a.page.getByText("Avant le débat, vous étiez : D'accord").waitFor();
  await side(a.page, "Pas d'accord");
  await side(b.page, 'Sans avis');

  // By hand: before, agree 1, disagree 0, undecided 1; after, agree 0, disagree 1,
  // undecided 1; A moved from agree to disagree, B stayed.
  const chart = screen.locator('.debate-chart');
  await chart.getByText('Après le débat : 2').waitFor();
  assert.deepEqual(await chart.locator('.debate-side text').allTextContents(), [
    "D'accord (1)", "Pas d'accord (0)", 'Sans avis (1)',
    "D'accord (0)", "Pas d'accord (1)", 'Sans avis (1)',
  ]);
  assert.equal(await screen.locator('.debate-band').count(), 0, 'the moves wait for the reveal');
  await screen.getByText("Les changements de côté s'afficheront quand vous révélerez les résultats.").waitFor();

  await page.keyboard.press('Alt+r');
  await screen.locator('.debate-moves li').first().waitFor();
  assert.deepEqual(await screen.locator('.debate-moves li').allTextContents(), ["D'accord → Pas d'accord : 1"]);
  assert.equal(await screen.locator('.debate-changed').textContent(), '1 personne a changé de côté');
  assert.equal(await screen.locator('.debate-band').count(), 2, 'one band per pair of sides with people');
  assert.equal(await screen.locator('.debate-band.changed').count(), 1);
  const revealed = await publicView(code);
  assert.deepEqual(revealed.step_results.moves, [[0, 1, 0], [0, 0, 0], [0, 0, 1]]);
  await screen.locator('.step-answer', { hasText: 'Repère : Une donnée personnelle' }).waitFor();
  // The phones see the same figures, and nobody's name.
  await a.page.getByText('Ont changé de côté : 1').waitFor();

  // The screen fits without scrolling, and axe finds nothing anywhere.
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    await screen.setViewportSize(size);
    const over = await screen.evaluate(() => {
      const box = document.querySelector('.screen');
      return Math.max(document.scrollingElement.scrollHeight - window.innerHeight, box.scrollHeight - box.clientHeight);
    });
    assert.ok(over <= 1, `debate at ${size.width}×${size.height}: ${over}`);
  }
  assert.deepEqual(await axeViolations(screen), []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await axeViolations(a.page), []);
  await screen.keyboard.press('Alt+p');
  await screen.waitForFunction(() => document.documentElement.classList.contains('projector'));
  assert.deepEqual(await axeViolations(screen), []);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
});
