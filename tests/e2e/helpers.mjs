// Shared helpers for the browser tests: start the real `briques serve` on a free
// loopback port, drive Debian's Chromium with playwright-core, scan with axe-core.
// Every wait is for a condition (a line printed, an element, a text), never a delay.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BIN = process.env.BRIQUES_BIN || join(root, 'target', 'debug', 'briques');
export const ASSETS = process.env.BRIQUES_ASSETS || join(root, 'dist');

/** The app's routes with the French and English titles of their <h1>. */
export const ROUTES = [
  { path: '/', fr: 'Bienvenue dans Briques', en: 'Welcome to Briques' },
  { path: '/duplo', fr: 'Les données en Duplo', en: 'Data in Duplo bricks' },
  { path: '/direct', fr: 'Session en direct', en: 'Live session' },
  { path: '/budget', fr: 'Le budget de ma commune', en: "My town's budget" },
  { path: '/donnees', fr: 'Lire et construire un graphique', en: 'Reading and building charts' },
  { path: '/ateliers', fr: 'Ateliers', en: 'Workshops' },
];

/** Starts `briques serve --addr 127.0.0.1:0` (or `addr`, to start again on the same port)
 * and resolves once it prints its address. */
export function startServer({ dataDir, args = [], addr = '127.0.0.1:0', assets = ASSETS } = {}) {
  const data = dataDir || mkdtempSync(join(tmpdir(), 'briques-e2e-data-'));
  const child = spawn(BIN, ['serve', '--addr', addr, '--assets', assets, '--data', data, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`briques serve exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const match = buffer.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
      if (match) {
        child.removeAllListeners('exit');
        const stopped = new Promise((done) => child.once('exit', done));
        resolve({
          base: `http://${match[1]}`,
          data,
          process: child,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await stopped;
          },
          cleanup() {
            if (!dataDir) rmSync(data, { recursive: true, force: true });
          },
        });
      }
    });
  });
}

/** Launches headless Chromium with the flags this machine needs (no network beyond loopback). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Opens a page that records console errors and uncaught exceptions. The browser
 * prefers French unless `options.locale` says otherwise (the app opens in the browser's
 * language on a first visit, and Chromium's own default is American English). */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

/** Waits until the app has rendered the page's <h1> with the given text. */
export async function waitForHeading(page, text) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and returns the violations. Injected
 * through the DevTools protocol, which the page's Content-Security-Policy does not block. */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** Starts `briques-standin` (the local stand-in for the official open-data APIs, built
 * next to `briques`) and resolves once it prints its address. */
export function startStandin() {
  const child = spawn(join(dirname(BIN), 'briques-standin'), [], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`briques-standin exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const match = buffer.match(/^(http:\/\/127\.0\.0\.1:\d+)\n/);
      if (!match) return;
      child.removeAllListeners('exit');
      const stopped = new Promise((done) => child.once('exit', done));
      const base = match[1];
      const post = (path) => fetch(`${base}${path}`, { method: 'POST' }).then((r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
      });
      resolve({
        base,
        ofgl: `${base}/ofgl`,
        dgfip: `${base}/dgfip`,
        datagouv: `${base}/datagouv`,
        /** The options that point `briques serve` at it. */
        serveArgs: ['--ofgl-url', `${base}/ofgl`, '--dgfip-url', `${base}/dgfip`, '--datagouv-url', `${base}/datagouv`],
        fail: (host, mode) => post(`/_standin/fail?host=${host}&mode=${mode}`),
        reset: () => post('/_standin/reset'),
        log: () => fetch(`${base}/_standin/log`).then((r) => r.json()),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await stopped;
        },
      });
    });
  });
}
