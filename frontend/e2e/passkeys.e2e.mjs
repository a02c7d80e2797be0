// Passkeys in Chromium, with its virtual authenticator (DevTools' WebAuthn domain) in place of a phone: a person
// adds one on the dashboard, signs out, and signs in again with the password and the passkey, in English and in
// Persian; then removes it, which the passkey itself must confirm. Nothing leaves this machine and the Content-Security-Policy reports nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, isolatedContext, launchBrowser, startBackend } from './harness.mjs';

const run = Date.now().toString(36);
const record = { offsite: [], csp: [] };
let backend;
let browser;

/** A page whose browser has a platform authenticator that holds passkeys and verifies its user. */
async function pageWithAuthenticator(locale) {
  const context = await isolatedContext(browser, { locale, viewport: { width: 1200, height: 900 } }, record);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { context, page, cdp, authenticatorId };
}

async function enrolAndSignInAgain(lang, words) {
  const person = {
    name: words.name,
    email: `passkey-${lang}-${run}@example.org`,
    password: 'a long passkey passphrase',
  };
  const { context, page, cdp, authenticatorId } = await pageWithAuthenticator(lang === 'fa' ? 'fa-IR' : 'en-GB');
  await page.goto(`${backend.base}/register?lang=${lang}`);
  await page.locator('#reg-name').fill(person.name);
  await page.locator('#reg-email').fill(person.email);
  await page.locator('#reg-password').fill(person.password);
  await page.locator('#reg-password').press('Enter');
  await page.waitForURL('**/dashboard');

  await page.getByRole('heading', { name: words.panel }).waitFor();
  await page.locator('#passkey-name').fill(words.device);
  await page.locator('#passkey-password').fill(person.password);
  await page.getByRole('button', { name: words.add, exact: true }).click();
  await page.locator('ul.passkeys').getByText(words.device).waitFor();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1, 'the device holds one passkey');
  assert.equal(credentials[0].rpId, 'localhost');

  assert.equal((await call(page, 'POST', '/api/v1/auth/logout')).status, 204);
  await page.goto(`${backend.base}/signin?lang=${lang}`);
  await page.locator('#signin-email').fill(person.email);
  await page.locator('#signin-password').fill(person.password);
  await page.locator('#signin-password').press('Enter');
  // A passkey alone finishes this account's sign-in: no code is asked for.
  await page.getByRole('button', { name: words.use }).click();
  await page.waitForURL('**/dashboard');
  assert.equal(await page.locator('#signin-code').count(), 0);
  const me = await call(page, 'GET', '/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.email, person.email);
  const { credentials: after } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.ok(after[0].signCount >= 1, 'the device counted the sign-in');
  if (lang === 'fa') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  if (words.remove) await removeWithThePasskey(page, cdp, authenticatorId, person, words);
  await context.close();
}

/**
 * Removing the passkey confirms with it: the password alone is refused by the server, and in the app, with no app
 * code to type, the device is asked (and counts it) before the passkey goes.
 */
async function removeWithThePasskey(page, cdp, authenticatorId, person, words) {
  const listed = await call(page, 'GET', '/api/v1/me/passkeys');
  assert.equal(listed.body.length, 1);
  const passwordAlone = await call(page, 'DELETE', `/api/v1/me/passkeys/${listed.body[0].id}`, {
    password: person.password,
  });
  assert.equal(passwordAlone.status, 400, 'the password alone does not remove the second factor');
  const { credentials: before } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });

  await page.goto(`${backend.base}/dashboard`);
  await page.getByRole('button', { name: words.removeNamed }).click();
  await page.locator('#passkey-remove-password').fill(person.password);
  await page.getByText(words.orPasskey).waitFor();
  await page.getByRole('button', { name: words.remove, exact: true }).click();
  await page.getByText(words.none).waitFor();
  assert.equal((await call(page, 'GET', '/api/v1/me/passkeys')).body.length, 0);
  const { credentials: after } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.ok(after[0].signCount > before[0].signCount, 'the device signed the confirmation');
}

describe('Passkeys in a browser', { concurrency: 1 }, () => {
  before(async () => {
    backend = await startBackend([], { host: 'localhost' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('a person adds a passkey, signs in with the password and the passkey, and removes it confirming with it', async () => {
    await enrolAndSignInAgain('en', {
      name: 'Pat Passkey',
      panel: 'Passkeys',
      device: 'Phone',
      add: 'Add a passkey',
      use: 'Use a passkey',
      removeNamed: 'Remove “Phone”',
      remove: 'Remove',
      orPasskey: 'Leave it empty to confirm with one of your passkeys',
      none: 'No passkeys yet',
    });
  });

  it('in Persian: the same, with Persian words throughout', async () => {
    await enrolAndSignInAgain('fa', {
      name: 'پریسا',
      panel: 'گذرکلیدها',
      device: 'تلفن',
      add: 'افزودن گذرکلید',
      use: 'استفاده از گذرکلید',
    });
  });

  it('asked nothing of any other host, and the Content-Security-Policy reported nothing', () => {
    assert.deepEqual(record.offsite, []);
    assert.deepEqual(record.csp, []);
  });
});
