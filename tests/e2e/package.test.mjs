// The release archives, as a facilitator gets them: unpacked in an empty folder outside
// the repository, started with no Rust and no dist/ (the app is inside the binary), each
// serves the French home page to Chromium and runs a live session. The Linux archive
// runs when BRIQUES_PACKAGE names it, the Windows one under Wine when
// BRIQUES_PACKAGE_WINDOWS, BRIQUES_WINE and BRIQUES_WINE_SHIM are set (scripts/package
// sets them all); otherwise each says it skips.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createServer } from 'node:net';
import { launchBrowser, openPage, waitForHeading, axeViolations } from './helpers.mjs';

const linux = process.env.BRIQUES_PACKAGE;
const windows = process.env.BRIQUES_PACKAGE_WINDOWS;
const wine = process.env.BRIQUES_WINE;
const shim = process.env.BRIQUES_WINE_SHIM;

/// Starts the unpacked binary and resolves with its base address, the data folder it
/// printed, and a function that stops it.
function start(t, command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGTERM'));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = () => { child.kill('SIGTERM'); return exited; };
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  return new Promise((resolve, reject) => {
    let buffer = '';
    exited.then((code) => reject(new Error(`briques exited with ${code}:\n${buffer}\n${errors}`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const match = buffer.match(/http:\/\/(127\.0\.0\.1:\d+)\/ \(données : ([^)]*)\)/);
      if (match) resolve({ base: `http://${match[1]}`, data: match[2], stop });
    });
  });
}

/// Whether nothing listens on 127.0.0.1:`port`.
function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/// The French home page (accessible), then a live session with one phone answering.
async function homeAndLiveSession(base) {
  const browser = await launchBrowser();
  try {
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
  } finally {
    await browser.close();
  }
}

test('the Linux archive serves the app and a live session from an empty folder', { skip: !linux && 'BRIQUES_PACKAGE is not set (scripts/package sets it)' }, async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'briques-package-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  execFileSync('tar', ['-xzf', linux, '-C', folder]);
  assert.deepEqual(readdirSync(join(folder, 'briques')).sort(), ['LICENCE', 'LISEZMOI.txt', 'briques']);
  const env = { PATH: '/usr/bin:/bin', HOME: folder, XDG_DATA_HOME: join(folder, 'data'), BRIQUES_NO_BROWSER: '1', LANG: 'fr_FR.UTF-8' };
  const { base, data } = await start(t, join(folder, 'briques', 'briques'), ['serve', '--addr', '127.0.0.1:0'], { cwd: folder, env });
  assert.equal(data, join(folder, 'data', 'briques'));
  // The app was unpacked into the data folder, nowhere else.
  assert.ok(readdirSync(data).some((name) => name.startsWith('app-')));
  await homeAndLiveSession(base);
});

test('the Windows archive serves the app and a live session from an empty folder, under Wine', { skip: !(windows && wine && shim) && 'BRIQUES_PACKAGE_WINDOWS, BRIQUES_WINE and BRIQUES_WINE_SHIM are not set (scripts/package sets them)' }, async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'briques-package-windows-'));
  const prefix = join(folder, 'wine');
  const env = { PATH: '/usr/bin:/bin', HOME: folder, WINEPREFIX: prefix, WINEDEBUG: '-all', BRIQUES_NO_BROWSER: '1', LANG: 'fr_FR.UTF-8' };
  t.after(() => {
    // The Wine server outlives the program by a few seconds unless told to stop.
    spawnSync(join(dirname(wine), 'wineserver'), ['-k'], { env });
    rmSync(folder, { recursive: true, force: true });
  });
  execFileSync('unzip', ['-q', windows, '-d', folder]);
  assert.deepEqual(readdirSync(join(folder, 'briques')).sort(), ['LICENCE.txt', 'LISEZMOI.txt', 'briques.exe']);
  // Wine 8 lacks bcryptprimitives.dll, which every supported Windows has: the stand-in
  // goes beside the program in this test's copy only.
  copyFileSync(shim, join(folder, 'briques', 'bcryptprimitives.dll'));
  const exe = join(folder, 'briques', 'briques.exe');
  const { base, data, stop } = await start(t, wine, [exe, 'serve', '--addr', '127.0.0.1:0'], { cwd: folder, env });
  // %APPDATA%\briques, as the LISEZMOI says.
  assert.match(data, /^C:\\users\\[^\\]+\\AppData\\Roaming\\briques$/);
  const user = data.split('\\')[2];
  const unix = join(prefix, 'drive_c', 'users', user, 'AppData', 'Roaming', 'briques');
  assert.ok(existsSync(unix) && readdirSync(unix).some((name) => name.startsWith('app-')));
  await homeAndLiveSession(base);
  await stop();
  // A double-click: no argument, this machine only, on port 8080; a second double-click
  // while it runs says so instead of failing on the port.
  if (!(await portFree(8080))) {
    t.diagnostic('127.0.0.1:8080 is taken on this machine: the double-click part is skipped');
    return;
  }
  const first = await start(t, wine, [exe], { cwd: folder, env });
  assert.equal(first.base, 'http://127.0.0.1:8080');
  const second = spawnSync(wine, [exe], { cwd: folder, env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /Briques tourne déjà sur http:\/\/127\.0\.0\.1:8080\//);
  assert.equal((await fetch(`${first.base}/`)).status, 200);
});
