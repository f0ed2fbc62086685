// The app shell in headless Chromium: loads in French with no console error, every
// route renders, language and projector mode persist, keyboard and phone layouts
// work, zero axe-core violations, and the app opens offline with the server stopped.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations, ROUTES } from './helpers.mjs';

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

test('the home page loads in French with no console error', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${server.base}/`);
  await waitForHeading(page, 'Bienvenue dans Briques');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.title(), 'Accueil — Briques');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every route renders, by URL and through the navigation', async () => {
  const { context, page, errors } = await openPage(browser);
  for (const route of ROUTES) {
    await page.goto(`${server.base}${route.path}`);
    await waitForHeading(page, route.fr);
  }
  // Client-side navigation marks the current link and keeps the page alive.
  await page.goto(`${server.base}/`);
  await waitForHeading(page, 'Bienvenue dans Briques');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const byPath = (path) => ROUTES.find((r) => r.path === path);
  const visits = [['Duplo', '/duplo'], ['En direct', '/direct'], ['Budget', '/budget'], ['Données', '/donnees'], ['Ateliers', '/ateliers'], ['Accueil', '/']];
  for (const [label, path] of visits) {
    const route = byPath(path);
    await nav.getByRole('link', { name: label, exact: true }).click();
    await waitForHeading(page, route.fr);
    assert.equal(new URL(page.url()).pathname, route.path);
    assert.equal(await nav.getByRole('link', { name: label, exact: true }).getAttribute('aria-current'), 'page');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown address gets the French 404 page', async () => {
  const { context, page } = await openPage(browser);
  const response = await page.goto(`${server.base}/cette-page-n-existe-pas`);
  assert.equal(response.status(), 404);
  await waitForHeading(page, 'Page introuvable');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the language switch works and persists across reload', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${server.base}/budget`);
  await waitForHeading(page, 'Le budget de ma commune');
  await page.getByLabel('Langue').selectOption('en');
  await waitForHeading(page, "My town's budget");
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.title(), "My town's budget — Briques");
  await page.reload();
  await waitForHeading(page, "My town's budget");
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByLabel('Language').selectOption('fr');
  await waitForHeading(page, 'Le budget de ma commune');
  assert.deepEqual(errors, []);
  await context.close();
});

test('projector mode toggles by button and by Alt+P, and persists', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${server.base}/`);
  await waitForHeading(page, 'Bienvenue dans Briques');
  const toggle = page.getByRole('button', { name: 'Mode projecteur' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  await page.waitForSelector('html.projector');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await page.reload();
  await waitForHeading(page, 'Bienvenue dans Briques');
  await page.waitForSelector('html.projector');
  await page.keyboard.press('Alt+KeyP');
  await page.waitForSelector('html:not(.projector)');
  assert.equal(await page.getByRole('button', { name: 'Mode projecteur' }).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the skip link is the first tab stop and leads to the main region', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${server.base}/`);
  await waitForHeading(page, 'Bienvenue dans Briques');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, 'Aller au contenu');
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#main');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await context.close();
});

test('a 360 px phone screen needs no horizontal scrolling', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  for (const route of ROUTES) {
    await page.goto(`${server.base}${route.path}`);
    await waitForHeading(page, route.fr);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${route.path} overflows by ${overflow}px`);
  }
  await context.close();
});

test('axe-core finds no WCAG 2.1 AA violation on any route, in normal and projector mode', async () => {
  const { context, page } = await openPage(browser);
  for (const projector of [false, true]) {
    for (const lang of ['fr', 'en']) {
      await page.goto(`${server.base}/`);
      await page.evaluate(([p, l]) => {
        localStorage.setItem('briques.projector', p ? '1' : '0');
        localStorage.setItem('briques.lang', l);
      }, [projector, lang]);
      for (const route of ROUTES) {
        await page.goto(`${server.base}${route.path}`);
        await waitForHeading(page, route[lang]);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${route.path} (${lang}, projector=${projector})`);
      }
    }
  }
  await context.close();
});

test('after a first visit the app opens with the server stopped', async () => {
  const own = await startServer();
  const { context, page, errors } = await openPage(browser);
  try {
    await page.goto(`${own.base}/`);
    await waitForHeading(page, 'Bienvenue dans Briques');
    // Wait until the service worker has cached the shell and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await waitForHeading(page, 'Bienvenue dans Briques');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await own.stop();
    await page.reload();
    await waitForHeading(page, 'Bienvenue dans Briques');
    await page.goto(`${own.base}/duplo`);
    await waitForHeading(page, 'Les données en Duplo');
    const appErrors = errors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'));
    assert.deepEqual(appErrors, []);
  } finally {
    await context.close();
    await own.stop();
    own.cleanup();
  }
});
