// Issue 11 in a real browser: a coalition's call to host an action (written in its editor, in English and Persian), another group's submission, the review
// queue, a draft published later, and a report a platform admin acts on (that one in Persian).
// TOCSIN_JAR=$PWD/../backend/target/app/tocsin.jar node --test --test-concurrency=1 e2e/coalition.e2e.mjs
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, isolatedContext, launchBrowser, startBackend, call } from './harness.mjs';

const run = Date.now().toString(36);
const ADMIN = { email: `admin-${run}@example.org`, password: 'the admin passphrase is long' };
const CAMPAIGN = `candles-${run}`;
const SUBMITTED = `Candle vigil in Leipzig ${run}`;
const DRAFT = `Quiet planning meeting ${run}`;
const TEMPLATE = `A candle vigil in our city for the prisoners ${run}`;
const REPORTED = `Suspicious gathering ${run}`;
/** A day about a month ahead, "YYYY-MM-DD": inside the campaign. */
const DAY = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
})();

let backend;
let browser;
const record = { offsite: [], csp: [] };

/** A browser context signed in as a new account (registered through the API, as the sign-up page does). */
async function signedIn(name, email, password = 'a long enough passphrase for this') {
  const context = await isolatedContext(browser, { locale: 'en-GB', timezoneId: 'Europe/Berlin' }, record);
  const page = await context.newPage();
  await page.goto(`${backend.base}/signin`);
  let r = await call(page, 'POST', '/api/v1/auth/register', { email, password, displayName: name });
  assert.ok(r.status < 300, JSON.stringify(r));
  r = await call(page, 'POST', '/api/v1/auth/login', { email, password });
  assert.ok(r.status < 300, JSON.stringify(r));
  return { context, page };
}

/** A new organization of the signed-in page's account; its slug. */
async function organization(page, name) {
  const r = await call(page, 'POST', '/api/v1/organizations', { name });
  assert.equal(r.status, 201, JSON.stringify(r));
  return r.body.slug;
}

/** A PUBLIC vigil of the organization on DAY; its id. */
async function vigil(page, org, title, extra = {}) {
  const r = await call(page, 'POST', '/api/v1/events', {
    organization: org,
    title,
    kind: 'VIGIL',
    start: `${DAY}T18:00`,
    end: `${DAY}T19:30`,
    timeZone: 'Europe/Berlin',
    place: { city: 'Leipzig', countryCode: 'DE' },
    ...extra,
  });
  assert.equal(r.status, 201, JSON.stringify(r));
  return r.body.id;
}

describe('Issue 11: a coalition, its submissions, drafts and moderation', { concurrency: 1 }, () => {
  let coalition; // the campaign's organizer
  let local; // another group's organizer
  let stranger; // no account
  let localOrg;

  before(async () => {
    // Organizers made through the API need no mailed verification link (tocsin.e2e.mjs walks that path).
    backend = await startBackend(['--tocsin.accounts.require-verified-email=false', `--tocsin.admins=${ADMIN.email}`]);
    browser = await launchBrowser();
    coalition = await signedIn('Coalition organizer', `coalition-${run}@example.org`);
    local = await signedIn('Local organizer', `local-${run}@example.org`);
    stranger = await isolatedContext(browser, { locale: 'en-GB', timezoneId: 'Europe/Berlin' }, record);
    const coalitionOrg = await organization(coalition.page, `Candle Coalition ${run}`);
    localOrg = await organization(local.page, `Leipzig Neighbours ${run}`);
    const r = await call(coalition.page, 'POST', '/api/v1/campaigns', {
      name: `Night of candles ${run}`,
      slug: CAMPAIGN,
      startsOn: DAY,
      endsOn: DAY,
      organization: coalitionOrg,
    });
    assert.equal(r.status, 201, JSON.stringify(r));
    await vigil(local.page, localOrg, SUBMITTED);
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('the campaign organizer writes the call in its editor, and the campaign page shows it', async () => {
    const page = await coalition.context.newPage();
    await page.goto(`${backend.base}/campaigns/${CAMPAIGN}`);
    const editor = page.locator('tocsin-call-editor');
    await editor.getByRole('heading', { name: 'Host-an-action call' }).waitFor();
    await editor.getByRole('button', { name: 'Edit the call' }).click();
    await editor.getByLabel('Accept submissions').check();
    await editor
      .getByLabel('Instructions for hosts (Markdown)')
      .fill('### Bring candles\nStand in silence for an hour.');
    await editor.getByRole('button', { name: 'Preview' }).click();
    // The preview is the server's sanitised Markdown, as the public call shows it.
    await editor.locator('.call-preview').getByRole('heading', { name: 'Bring candles' }).waitFor();
    await editor.getByLabel('Description template').fill(TEMPLATE);
    await editor.getByRole('button', { name: 'Add a link' }).click();
    await editor.getByLabel('Title of link 1').fill('Posters');
    await editor.getByLabel('Address of link 1 (https)').fill('javascript:alert(1)');
    await editor.getByRole('button', { name: 'Save the call' }).click();
    // The server's problem details land beside the field, and nothing is saved.
    await editor.getByText('must be an http or https link').waitFor();
    assert.equal(await editor.getByLabel('Address of link 1 (https)').getAttribute('aria-invalid'), 'true');
    // The open editor, with its preview and a field error, passes axe-core.
    assert.deepEqual(await axeViolations(page), []);
    await editor.getByLabel('Address of link 1 (https)').fill('https://example.org/posters.zip');
    await editor.getByRole('button', { name: 'Save the call' }).click();
    await editor.getByText('The call is saved.').waitFor();
    // The page's own call follows at once.
    await page.locator('tocsin-host-action').getByRole('heading', { name: 'Bring candles' }).waitFor();
    await page.close();

    const anonymous = await stranger.newPage();
    await anonymous.goto(`${backend.base}/campaigns/${CAMPAIGN}`);
    await anonymous.getByRole('heading', { name: 'Host an action' }).waitFor();
    await anonymous.getByRole('heading', { name: 'Bring candles' }).waitFor();
    await anonymous.getByRole('link', { name: 'Posters' }).waitFor();
    await anonymous.getByText('Sign in as an organizer of your group to submit one of its events.').waitFor();
    await anonymous.waitForLoadState('networkidle');
    assert.equal(await anonymous.getByRole('heading', { name: 'Host-an-action call' }).count(), 0);
    await anonymous.close();
  });

  it('a host starts a new event from the call’s template', async () => {
    const page = await local.context.newPage();
    await page.goto(`${backend.base}/campaigns/${CAMPAIGN}`);
    // Another group's organizer reads the call, but does not edit it.
    await page.getByRole('heading', { name: 'Bring candles' }).waitFor();
    await page.getByRole('link', { name: "Create an event from the campaign's template" }).click();
    await page.waitForURL('**/events/new?campaign=*');
    await page.getByText("The description starts from the campaign's template").waitFor();
    assert.equal(await page.getByLabel('Description', { exact: true }).inputValue(), TEMPLATE);
    assert.equal(await page.getByRole('heading', { name: 'Host-an-action call' }).count(), 0);
    await page.close();
  });

  it('in Persian, the organizer edits the call with Persian labels and the Solar Hijri date picker', async () => {
    const page = await coalition.context.newPage();
    await page.goto(`${backend.base}/campaigns/${CAMPAIGN}?lang=fa`);
    const editor = page.locator('tocsin-call-editor');
    await editor.getByRole('heading', { name: 'فراخوان میزبانی کنش' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await editor.getByRole('button', { name: 'ویرایش فراخوان' }).click();
    assert.equal(
      await editor.getByLabel('راهنمای میزبانان (مارک‌داون)').inputValue(),
      '### Bring candles\nStand in silence for an hour.',
    );
    // The accepted dates are Solar Hijri days: no time field beside them.
    const from = editor.getByLabel('پذیرش کنش‌ها از');
    assert.match(await from.inputValue(), /^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    assert.equal(await editor.locator('tocsin-solar-datetime input[type="time"]').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await editor.getByRole('button', { name: 'ذخیرهٔ فراخوان' }).click();
    await editor.getByText('فراخوان ذخیره شد.').waitFor();
    await page.goto(`${backend.base}/?lang=en`);
    await page.close();
    const r = await call(coalition.page, 'GET', `/api/v1/campaigns/${CAMPAIGN}/call`);
    assert.equal(r.body.acceptsFrom, DAY);
    assert.equal(r.body.template, TEMPLATE);
  });

  it('another group’s organizer submits its event from the campaign page', async () => {
    const page = await local.context.newPage();
    await page.goto(`${backend.base}/campaigns/${CAMPAIGN}`);
    await page.getByRole('heading', { name: 'Host an action' }).waitFor();
    await page.getByLabel('Its event').selectOption({ label: `${SUBMITTED} · ${DAY}` });
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('status').getByText("Submitted. The campaign's organizers will review it").waitFor();
    await page.close();

    // Pending: not on the campaign's page yet.
    const anonymous = await stranger.newPage();
    await anonymous.goto(`${backend.base}/campaigns/${CAMPAIGN}`);
    await anonymous.getByRole('heading', { name: 'Host an action' }).waitFor();
    await anonymous.waitForLoadState('networkidle');
    assert.equal(await anonymous.getByText(SUBMITTED).count(), 0);
    await anonymous.close();
  });

  it('the campaign organizer reviews the queue and approves; the event appears on the campaign page', async () => {
    const page = await coalition.context.newPage();
    await page.goto(`${backend.base}/campaigns/${CAMPAIGN}`);
    const queue = page.locator('tocsin-review-queue');
    await queue.getByRole('heading', { name: 'Submissions to review' }).waitFor();
    const item = queue.locator('li', { hasText: SUBMITTED });
    await item.waitFor();
    await item.getByText('Pending', { exact: true }).waitFor();
    await item.getByRole('button', { name: 'Approve' }).click();
    // The queue shows what is pending: the approved one leaves it.
    await queue.getByText('No submissions match.').waitFor();
    await page.close();

    const anonymous = await stranger.newPage();
    await anonymous.goto(`${backend.base}/campaigns/${CAMPAIGN}`);
    await anonymous.getByText(SUBMITTED).first().waitFor();
    await anonymous.close();
  });

  it('a draft is saved, seen only by its group, and then published', async () => {
    const page = await local.context.newPage();
    await page.goto(`${backend.base}/dashboard`);
    await page.getByRole('link', { name: `Leipzig Neighbours ${run}` }).click();
    await page.getByRole('link', { name: 'New event' }).click();
    await page.waitForURL('**/events/new');
    await page.getByLabel('Title', { exact: true }).fill(DRAFT);
    await page.getByLabel('Kind', { exact: true }).selectOption('MEETING');
    await page.getByLabel('Starts (local time)').fill(`${DAY}T10:00`);
    await page.getByLabel('Ends (local time)').fill(`${DAY}T11:00`);
    await page.getByLabel('City', { exact: true }).fill('Leipzig');
    await page.getByLabel('Country code').fill('DE');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.locator('#ev-publication').selectOption('DRAFT');
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.waitForURL((url) => /^\/events\/[^/.]+$/.test(url.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await page.getByText('Draft: only members of your group can see this event.').waitFor();

    const anonymous = await stranger.newPage();
    const before = await anonymous.goto(`${backend.base}/api/v1/events/${id}`);
    assert.equal(before.status(), 404, 'a draft does not exist for strangers');

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Draft: only members of your group can see this event.').waitFor({ state: 'detached' });
    await page.close();
    await anonymous.goto(`${backend.base}/events/${id}`);
    await anonymous.getByRole('heading', { name: DRAFT }).waitFor();
    await anonymous.close();
  });

  it('in Persian, a stranger reports an event; a platform admin hides it and it is gone from its public page', async () => {
    const id = await vigil(local.page, localOrg, REPORTED);
    const page = await stranger.newPage();
    await page.goto(`${backend.base}/events/${id}?lang=fa`);
    await page.getByRole('heading', { name: REPORTED }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.getByRole('button', { name: 'گزارش' }).click();
    await page.getByLabel('دلیل').selectOption('FAKE_EVENT');
    await page.getByRole('button', { name: 'فرستادن گزارش' }).click();
    await page.getByText('سپاس. ناظران سکو آن را بررسی می‌کنند.').waitFor();
    await page.goto(`${backend.base}/?lang=en`);
    await page.close();

    const admin = await signedIn('Platform admin', ADMIN.email, ADMIN.password);
    await admin.page.goto(`${backend.base}/dashboard/moderation`);
    await admin.page.getByRole('heading', { name: 'Open reports' }).waitFor();
    const report = admin.page.locator('section[aria-labelledby="reports-h"] li', { hasText: REPORTED });
    await report.waitFor();
    await report.getByRole('button', { name: 'Hide the event' }).click();
    // Hiding settles the report; the event is listed among the takedowns, with a way back.
    await admin.page.locator('section[aria-labelledby="takedowns-h"] li', { hasText: REPORTED }).waitFor();
    await report.waitFor({ state: 'detached' });
    await admin.context.close();

    const gone = await stranger.newPage();
    const answer = await gone.goto(`${backend.base}/events/${id}`);
    assert.equal(answer.status(), 404);
    assert.equal(await gone.getByRole('heading', { name: REPORTED }).count(), 0);
    await gone.close();
  });

  it('no request left this machine, and the CSP blocked nothing', () => {
    assert.deepEqual(record.offsite, []);
    assert.deepEqual(record.csp, []);
  });
});
