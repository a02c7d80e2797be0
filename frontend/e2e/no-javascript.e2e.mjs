// With JavaScript off (Tor Browser at its safest level): the server-rendered pages alone. A guest goes from
// the home page to a city, to an action, RSVPs through the HTML form and manages the RSVP on /rsvp/{token};
// on a Persian page a Latin place name keeps its own order. Run after `./mvnw package`:
//   TOCSIN_JAR=$PWD/../backend/target/app/tocsin.jar node --test e2e/no-javascript.e2e.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isolatedContext, launchBrowser, startBackend } from './harness.mjs';

let backend;
let browser;
let guest;
const record = { offsite: [], csp: [] };

describe('Tocsin without JavaScript', { concurrency: 1 }, () => {
  before(async () => {
    backend = await startBackend(['--tocsin.demo=true']);
    browser = await launchBrowser();
    guest = await isolatedContext(
      browser,
      { javaScriptEnabled: false, locale: 'en-GB', viewport: { width: 390, height: 844 } },
      record,
    );
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('a guest goes from the home page to a city and an action, RSVPs by form and manages the RSVP', async () => {
    const page = await guest.newPage();
    await page.goto(`${backend.base}/`);
    assert.equal(await page.locator('h1').first().innerText(), 'Upcoming actions');
    // The home page lists cities; Berlin is one of the demo's.
    await page.locator('ul.links a', { hasText: 'Berlin' }).first().click();
    await page.waitForURL((url) => url.pathname === '/cities/de/berlin');
    assert.equal(await page.locator('h1').first().innerText(), 'Berlin');
    assert.ok(await page.locator('link[rel=alternate][type="application/atom+xml"]').count());
    await page.locator('ol.event-list a').first().click();
    await page.waitForURL((url) => /^\/events\/[^/.]+$/.test(url.pathname));
    const title = await page.locator('h1').first().innerText();
    assert.ok(title.length > 0);
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), title);

    await page.getByLabel('Your name (a pseudonym is fine)').fill('Guest without scripts');
    await page.getByLabel('Going', { exact: true }).check();
    await page.getByLabel('Guests you bring (0–10)').fill('۲');
    await page.getByRole('button', { name: 'Send my RSVP' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/rsvp/'));
    const manage = page.url();
    assert.match(await page.locator('.state').innerText(), /You are going\./);
    assert.match(await page.locator('.counts').innerText(), /going/);

    await page
      .getByLabel('Going', { exact: true })
      .uncheck()
      .catch(() => {});
    await page.getByLabel('Maybe', { exact: true }).check();
    // The manage page's change form (its button still reads "Send my RSVP" until something is refused).
    await page.locator('form[action^="/rsvp/"] button[type=submit]', { hasText: 'Send my RSVP' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/rsvp/'));
    assert.match(await page.locator('.state').innerText(), /You answered maybe\./);

    await page.getByRole('button', { name: 'Withdraw my RSVP' }).click();
    assert.match(await page.locator('main').innerText(), /withdrawn/);
    await page.goto(manage);
    assert.match(await page.locator('h1').first().innerText(), /Not found/);
    await page.close();
  });

  it('a Latin place name on a Persian page keeps its order (rendered left to right inside the line)', async () => {
    const page = await guest.newPage();
    await page.goto(`${backend.base}/cities/us/los-angeles?lang=fa`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    // The demo's Los Angeles action that shows its venue (others keep theirs for attendees).
    const links = await page.locator('ol.event-list a').evaluateAll((as) => as.map((a) => a.href));
    for (const link of links) {
      await page.goto(link);
      if (await page.locator('dd bdi', { hasText: 'Wilshire Federal Building' }).count()) break;
    }
    const venue = page.locator('dd bdi', { hasText: 'Wilshire Federal Building' });
    assert.equal(await venue.count(), 1);
    // Where the first and the last word are drawn: "Wilshire" left of "Westwood", as written.
    const [first, last] = await venue.evaluate((el) => {
      const text = el.firstChild;
      const box = (word) => {
        const range = document.createRange();
        const at = text.data.indexOf(word);
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        return range.getBoundingClientRect().left;
      };
      return [box('Wilshire'), box('Westwood')];
    });
    assert.ok(first < last, `"Wilshire" at ${first}px should be left of "Westwood" at ${last}px`);
    await page.close();
  });

  it('no request left this machine, and the CSP blocked nothing', () => {
    assert.deepEqual(record.offsite, []);
    assert.deepEqual(record.csp, []);
  });
});
