// Joining needs no command line: on a server listening on this machine only, the
// presenter view says phones cannot join yet and what to do; its button opens the server
// to the Wi-Fi without a restart, the join address becomes one phones can use, and a
// phone joins there. The server is told to open 127.0.0.2 (a loopback address standing
// in for the Wi-Fi's, so that the test never listens beyond this machine).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ args: ['--network-address', '127.0.0.2'] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

test('the presenter says phones cannot join yet, then opens the server to the Wi-Fi', async (t) => {
  const laptop = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  t.after(() => laptop.context.close());
  const { page } = laptop;
  await page.goto(`${server.base}/direct`);
  await waitForHeading(page, 'Session en direct');
  await page.getByRole('button', { name: 'Lancer la session en direct' }).click();
  await page.waitForURL(/\/live\/[A-Z0-9]{6}\/projecteur(#cle=.+)?$/);
  const code = page.url().match(/\/live\/([A-Z0-9]{6})\//)[1];

  // Listening on this machine only: said, with what to do.
  const note = page.getByRole('note').filter({ hasText: "Les téléphones ne peuvent pas encore rejoindre : Briques n'écoute que sur cet ordinateur." });
  await note.waitFor();
  assert.match(await note.textContent(), /même Wi-Fi/);
  assert.deepEqual(await axeViolations(page), []);

  // One click: the server also listens on the network's address, shown with its QR code.
  // (127.0.0.2 being a loopback address, the warning stays here; with a Wi-Fi address
  // the panel shows only the network's addresses and no warning.)
  await page.getByRole('button', { name: 'Ouvrir Briques aux téléphones du Wi-Fi' }).click();
  const shown = page.locator('.join-url', { hasText: '127.0.0.2' });
  await shown.waitFor();
  const address = (await shown.textContent()).trim();
  assert.match(address, new RegExp(`^http://127\\.0\\.0\\.2:\\d+/live/${code}$`));
  await page.getByRole('img', { name: new RegExp(address.replace(/[.]/g, '\\.')) }).waitFor();

  // A phone joins at that address.
  const phone = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  t.after(() => phone.context.close());
  await phone.page.goto(address);
  await phone.page.getByText(/participant n° 1/).waitFor();
  await page.locator('#live-count').waitFor();
  assert.deepEqual(laptop.errors, []);
  assert.deepEqual(phone.errors, []);
});
