// Starts what the end-to-end tests need: the packaged backend (on a random port, with a fresh data directory),
// a "partner" site on another origin that embeds the widget, and Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
export const JAR = resolve(process.env.TOCSIN_JAR ?? join(here, '../../backend/target/app/tocsin.jar'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

async function waitFor(url, ms, proc) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc && proc.exitCode !== null) throw new Error(`the backend exited with ${proc.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/**
 * The backend jar on a random port with a temporary data directory; `extraArgs` e.g. ['--tocsin.demo=true'].
 * `host`: the name in its public address and `base`; passkeys need `localhost`, since WebAuthn takes no IP address
 * as the site's name (the server still listens on 127.0.0.1 only).
 */
export async function startBackend(extraArgs = [], { host = '127.0.0.1' } = {}) {
  if (!existsSync(JAR)) throw new Error(`No backend jar at ${JAR}: run ./mvnw package first, or set TOCSIN_JAR`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-e2e-'));
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
  const aot = JAR.replace(/\.jar$/, '.aot');
  const args = [
    ...(existsSync(aot) ? ['-XX:+IgnoreUnrecognizedVMOptions', `-XX:AOTCache=${aot}`] : []),
    '-jar',
    JAR,
    `--server.port=${port}`,
    `--server.address=127.0.0.1`,
    `--tocsin.data-dir=${dataDir}`,
    `--tocsin.public-url=http://${host}:${port}`,
    '--tocsin.secure-cookies=false',
    '--tocsin.rate-limits.enabled=false',
    '--logging.level.root=WARN',
    ...extraArgs,
  ];
  const proc = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => {
    log += d;
  });
  proc.stderr.on('data', (d) => {
    log += d;
  });
  const base = `http://${host}:${port}`;
  try {
    // TOCSIN_E2E_START_SECONDS: more time to start on a busy machine.
    await waitFor(
      `http://127.0.0.1:${port}/actuator/health`,
      Number(process.env.TOCSIN_E2E_START_SECONDS ?? 120) * 1000,
      proc,
    );
  } catch (e) {
    proc.kill('SIGKILL');
    throw new Error(`${e.message}\n${log.slice(-4000)}`, { cause: e });
  }
  return {
    base,
    port,
    /** Mails land in <dataDir>/outbox/*.eml (no spring.mail.host here). */
    dataDir,
    log: () => log,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => {
        proc.once('exit', r);
        setTimeout(r, 10_000);
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A partner's page on another origin (localhost vs 127.0.0.1, and another port): the widget and the iframe. */
export async function startPartnerSite(tocsinBase, city) {
  const server = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner site</title>
      <script type="module" src="${tocsinBase}/widget/tocsin-events.js"></script></head>
      <body><main><h1>Our coalition</h1>
      <tocsin-events base-url="${tocsinBase}" city="${city}" limit="5"><a href="${tocsinBase}/cities/${city}">Upcoming actions</a></tocsin-events>
      <iframe id="embed" title="Upcoming actions" src="${tocsinBase}/embed/events?city=${encodeURIComponent(city)}&theme=dark" width="600" height="400"></iframe>
      </main></body></html>`);
  });
  await new Promise((r) => server.listen(0, 'localhost', r));
  return { url: `http://localhost:${server.address().port}/`, stop: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A browser context that lets no request leave this machine: every request is checked, and any to another
 * host is aborted and recorded. CSP violations reported by the page are recorded too.
 */
export async function isolatedContext(browser, options, record) {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || ['127.0.0.1', 'localhost'].includes(url.hostname)) {
      return route.continue();
    }
    record.offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('console', (msg) => {
    if (msg.type() === 'error' && /Content.Security.Policy/i.test(msg.text())) record.csp.push(msg.text());
  });
  return context;
}

/**
 * Waits until the service worker keeps an action for offline use: its page and its API answer. Not with
 * page.waitForFunction: it takes the Promise an async predicate returns for a truthy answer and returns at once,
 * so a test cut the network before the ticket was kept, and failed now and then.
 */
export async function waitForOfflineTicket(page, eventId, timeoutMs = 15_000) {
  const kept = await page.evaluate(
    async ([id, timeoutMs]) => {
      const wanted = [`/events/${id}`, `/api/v1/events/${id}`];
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
        if (await caches.has('tocsin-tickets')) {
          const paths = (await (await caches.open('tocsin-tickets')).keys()).map((r) => new URL(r.url).pathname);
          if (wanted.every((p) => paths.includes(p))) return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    },
    [eventId, timeoutMs],
  );
  if (!kept) throw new Error(`the worker did not keep ${eventId} for offline use within ${timeoutMs} ms`);
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the current page (evaluated through DevTools, so the CSP allows it). */
export async function axeViolations(page) {
  await page.evaluate(`${AXE}\n;0`);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Calls the API from inside the page, as the web app does: same-origin cookies and the CSRF header. */
export function call(page, method, path, body) {
  return page.evaluate(
    async ([method, path, body]) => {
      const csrf = await (await fetch('/api/v1/auth/csrf')).json();
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', [csrf.headerName]: csrf.token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    [method, path, body],
  );
}
