// The release archive, as a facilitator gets it: unpacked in an empty folder outside the
// repository, started with no Rust and no dist/ (the app is inside the binary), it serves
// the French home page to Chromium and runs a live session. Runs when BRIQUES_PACKAGE
// names the archive (scripts/package sets it); otherwise it says it skips.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

const archive = process.env.BRIQUES_PACKAGE;

test('the Linux archive serves the app and a live session from an empty folder', { skip: !archive && 'BRIQUES_PACKAGE is not set (scripts/package sets it)' }, async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'briques-package-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  execFileSync('tar', ['-xzf', archive, '-C', folder]);
  assert.deepEqual(readdirSync(join(folder, 'briques')).sort(), ['LICENCE', 'LISEZMOI.txt', 'briques']);
  const env = { PATH: '/usr/bin:/bin', HOME: folder, XDG_DATA_HOME: join(folder, 'data'), BRIQUES_NO_BROWSER: '1', LANG: 'fr_FR.UTF-8' };
  const child = spawn(join(folder, 'briques', 'briques'), ['serve', '--addr', '127.0.0.1:0'], { cwd: folder, env, stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill('SIGTERM'));
  const base = await new Promise((resolve, reject) => {
    let buffer = '';
    child.on('exit', (code) => reject(new Error(`briques exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const match = buffer.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
      if (match) resolve(`http://${match[1]}`);
    });
  });
  // The app was unpacked into the data folder, nowhere else.
  assert.ok(readdirSync(join(folder, 'data', 'briques')).some((name) => name.startsWith('app-')));
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/`);
  await waitForHeading(page, 'Bienvenue dans Briques');
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(`${base}/direct`);
  await waitForHeading(page, 'Session en direct');
  await page.getByRole('button', { name: 'Lancer la session en direct' }).click();
  await page.waitForURL(/\/live\/[A-Z0-9]{6}\/projecteur$/);
  const code = page.url().match(/\/live\/([A-Z0-9]{6})\//)[1];
  await page.locator('.join-code', { hasText: code }).waitFor();
  // A phone joins and answers through the API; the presenter view counts it.
  const joined = await (await fetch(`${base}/api/live/sessions/${code}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
  const view = await (await fetch(`${base}/api/live/sessions/${code}`)).json();
  const q = view.survey.questions[0];
  const reply = await fetch(`${base}/api/live/sessions/${code}/answer`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-briques-participant': joined.token },
    body: JSON.stringify({ question: q.id, choice: q.choices[0].id }),
  });
  assert.equal(reply.status, 200);
  await page.locator('#live-count', { hasText: '1' }).waitFor();
  assert.deepEqual(errors, []);
});
