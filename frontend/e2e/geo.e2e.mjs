// Issue 13 in a real browser: a busy day of action in the month view on a phone, and an offline ticket.
// TOCSIN_JAR=$PWD/../backend/target/app/tocsin.jar node --test --test-concurrency=1 e2e/geo.e2e.mjs
// The phone screenshot is kept as a test artifact in target/e2e-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { isolatedContext, launchBrowser, startBackend, call, waitForOfflineTicket } from './harness.mjs';

const ARTIFACTS = new URL('../target/e2e-artifacts/', import.meta.url).pathname;
const run = Date.now().toString(36);
// 52 cities, typed as organizers would (any script, any case), with their countries; three have two actions.
const CITIES = [
  ['تهران', 'IR'],
  ['Mashhad', 'IR'],
  ['اصفهان', 'IR'],
  ['Tabriz', 'IR'],
  ['shiraz', 'IR'],
  ['Berlin', 'DE'],
  ['Hamburg', 'DE'],
  ['München', 'DE'],
  ['Köln', 'DE'],
  ['Paris', 'FR'],
  ['Lyon', 'FR'],
  ['London', 'GB'],
  ['Manchester', 'GB'],
  ['Amsterdam', 'NL'],
  ['Brussels', 'BE'],
  ['Vienna', 'AT'],
  ['Zürich', 'CH'],
  ['Stockholm', 'SE'],
  ['Oslo', 'NO'],
  ['Copenhagen', 'DK'],
  ['Helsinki', 'FI'],
  ['Madrid', 'ES'],
  ['Barcelona', 'ES'],
  ['Rome', 'IT'],
  ['Milan', 'IT'],
  ['Athens', 'GR'],
  ['Istanbul', 'TR'],
  ['Ankara', 'TR'],
  ['Warsaw', 'PL'],
  ['Prague', 'CZ'],
  ['Budapest', 'HU'],
  ['Dublin', 'IE'],
  ['Lisbon', 'PT'],
  ['Toronto', 'CA'],
  ['Vancouver', 'CA'],
  ['Montreal', 'CA'],
  ['New York City', 'US'],
  ['Los Angeles', 'US'],
  ['Chicago', 'US'],
  ['Washington', 'US'],
  ['San Francisco', 'US'],
  ['Houston', 'US'],
  ['Seattle', 'US'],
  ['Boston', 'US'],
  ['Sydney', 'AU'],
  ['Melbourne', 'AU'],
  ['Auckland', 'NZ'],
  ['Tokyo', 'JP'],
  ['Seoul', 'KR'],
  ['Dubai', 'AE'],
  ['Yerevan', 'AM'],
  ['Tbilisi', 'GE'],
];
const DAY = (() => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + 2, 14);
  return d.toISOString().slice(0, 10);
})();

let backend;
let browser;
const record = { offsite: [], csp: [] };

describe('Issue 13: month view, offline ticket', { concurrency: 1 }, () => {
  let organization;
  let firstEvent;

  before(async () => {
    // These tests are about the month view, the map and offline tickets, not sign-up: the organizers they make
    // through the API need no mailed verification link (tocsin.e2e.mjs walks that path).
    backend = await startBackend(['--tocsin.accounts.require-verified-email=false']);
    browser = await launchBrowser();
    const context = await isolatedContext(browser, { locale: 'en-GB', timezoneId: 'Europe/Berlin' }, record);
    const page = await context.newPage();
    await page.goto(`${backend.base}/signin`);
    const email = `geo-${run}@example.org`;
    const password = 'a long enough passphrase for this';
    let r = await call(page, 'POST', '/api/v1/auth/register', { email, password, displayName: 'Geo organizer' });
    assert.ok(r.status < 300, JSON.stringify(r));
    r = await call(page, 'POST', '/api/v1/auth/login', { email, password });
    assert.ok(r.status < 300, JSON.stringify(r));
    r = await call(page, 'POST', '/api/v1/organizations', { name: `Day of action ${run}` });
    assert.equal(r.status, 201, JSON.stringify(r));
    organization = r.body.slug;
    // 55 actions on one day in 52 cities, each given only a city and a country, as the editor sends them.
    for (let i = 0; i < 55; i++) {
      const [city, countryCode] = CITIES[i % CITIES.length];
      const hour = String(10 + (i % 9)).padStart(2, '0');
      r = await call(page, 'POST', '/api/v1/events', {
        organization,
        title: `Vigil for the prisoners ${i + 1}`,
        kind: 'VIGIL',
        start: `${DAY}T${hour}:00`,
        end: `${DAY}T${hour}:45`,
        place: { city, countryCode },
      });
      assert.equal(r.status, 201, `${city}: ${JSON.stringify(r.body)}`);
      assert.equal(typeof r.body.place.lat, 'number', `${city} is placed at its centre`);
      if (i === 0) firstEvent = r.body;
    }
    assert.equal(firstEvent.place.cityKey, 'ir/tehran');
    await context.close();
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('the month with 55 actions on one day is readable on a 390 px phone: an agenda grouped by city', async () => {
    const context = await isolatedContext(
      browser,
      { locale: 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 }, isMobile: true },
      record,
    );
    const page = await context.newPage();
    await page.goto(`${backend.base}/?view=month&month=${DAY.slice(0, 7)}`);
    const agenda = page.locator('section.agenda');
    await agenda.getByText('55 actions in 52 cities').waitFor();
    assert.equal(await page.locator('table.month').count(), 0, 'no seven-column grid on a phone');
    const layout = await page.evaluate(() => {
      const page = document.documentElement;
      const texts = [...document.querySelectorAll('section.agenda :is(h3, h4, li a)')].map((el) => {
        const box = el.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
        return { text: el.textContent.trim().slice(0, 40), width: box.width, lines: Math.round(box.height / line) };
      });
      return { pageWidth: page.scrollWidth, viewport: page.clientWidth, texts };
    });
    assert.ok(
      layout.pageWidth <= layout.viewport,
      `nothing scrolls sideways (${layout.pageWidth} > ${layout.viewport})`,
    );
    assert.ok(layout.texts.length >= 55 + 52, 'every action and city is listed');
    for (const t of layout.texts) {
      // Letter-by-letter wrapping makes narrow, tall boxes; here every line holds words.
      assert.ok(t.width >= 150, `"${t.text}" is ${t.width}px wide`);
      assert.ok(t.lines <= 3, `"${t.text}" runs over ${t.lines} lines`);
    }
    // Cities group the day: Tehran (typed in Persian) with its two actions.
    await agenda.locator('h4', { hasText: 'Tehran' }).getByText('2').waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}month-390px.png`, fullPage: false });
    await context.close();
  });

  it('on a wide screen the busy day’s cell summarises and opens the day’s list grouped by city', async () => {
    const context = await isolatedContext(
      browser,
      { locale: 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width: 1200, height: 900 } },
      record,
    );
    const page = await context.newPage();
    await page.goto(`${backend.base}/?view=month&month=${DAY.slice(0, 7)}`);
    const summary = page.getByRole('button', { name: '55 actions in 52 cities' });
    await summary.click();
    const list = page.locator('#month-day');
    await list.locator('h4', { hasText: 'Auckland' }).waitFor();
    assert.equal(await list.locator('section.city-group').count(), 52);
    const cell = await summary.evaluate((b) => {
      const td = b.closest('td');
      return { scroll: td.scrollWidth, client: td.clientWidth };
    });
    assert.ok(cell.scroll <= cell.client, 'the summary fits its cell');
    await page.screenshot({ path: `${ARTIFACTS}month-1200px.png` });
    await context.close();
  });

  it('after an RSVP, the event page opens with the network cut', async () => {
    const context = await isolatedContext(
      browser,
      { locale: 'en-GB', timezoneId: 'Asia/Tehran', viewport: { width: 390, height: 844 } },
      record,
    );
    const page = await context.newPage();
    await page.goto(`${backend.base}/events/${firstEvent.id}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.getByLabel('Name or pseudonym').fill('Shirin');
    await page.getByRole('button', { name: 'Send RSVP' }).click();
    await page.locator('a.manage-link').waitFor();
    // The worker keeps the page and its data once the RSVP is in.
    await waitForOfflineTicket(page, firstEvent.id);

    await context.setOffline(true);
    const offline = await context.newPage();
    // What the page could not load, told if it fails: the worker's answers are the whole story offline.
    const failed = [];
    offline.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText}`));
    await offline.goto(`${backend.base}/events/${firstEvent.id}`);
    await offline
      .getByRole('heading', { name: firstEvent.title })
      .waitFor()
      .catch((e) => assert.fail(`${e.message}\nnot loaded offline: ${failed.join(', ')}`));
    await offline.getByText('Tehran').first().waitFor();
    const text = await offline.locator('main').innerText();
    assert.match(text, /1[0-9]:00/, 'the time is there');
    // The app took over from the kept data, not an error page.
    assert.doesNotMatch(text, /Could not load this/);
    await offline.screenshot({ path: `${ARTIFACTS}offline-ticket.png` });
    await context.setOffline(false);
    await context.close();
  });

  it('nothing was loaded from another site, and the CSP was never violated', () => {
    assert.deepEqual(record.offsite, []);
    assert.deepEqual(record.csp, []);
  });
});
