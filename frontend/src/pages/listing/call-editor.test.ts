import { describe, expect, it } from 'vitest';
import './call-editor';
import { callRequest, type CallEditor } from './call-editor';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';
import { currentUser } from '../../core/session';
import { formatSolar, toSolar } from '../../shared/solar-hijri';
import type { Campaign } from '../../core/types';

const CAMPAIGN: Campaign = {
  id: 'c',
  slug: 'united',
  name: 'United',
  startsOn: '2027-10-10',
  endsOn: '2027-10-11',
  organization: { slug: 'coalition', name: 'Coalition' },
};
const CALL = {
  open: false,
  instructions: '',
  instructionsHtml: '',
  template: '',
  materials: [{ title: 'Posters', url: 'https://example.org/posters.zip' }],
  acceptsFrom: '2027-10-10',
  acceptsTo: '2027-10-11',
  reviewChanges: false,
};
const ME = () => ({ status: 200, body: { id: 'u', email: 'a@b.c', displayName: 'A', admin: false } });
const MINE = (role: string) => () => ({
  status: 200,
  body: [{ id: 'o', slug: 'coalition', name: 'Coalition', myRole: role }],
});

function mount() {
  const el = document.createElement('tocsin-call-editor') as CallEditor;
  el.campaign = CAMPAIGN;
  document.body.append(el);
  return el;
}

const input = (el: Element, selector: string, value: string) => {
  const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input'));
};

async function opened(el: Element) {
  await until(() => !!buttonWithText(el, 'Edit the call'), 'the panel');
  buttonWithText(el, 'Edit the call')!.click();
  await until(() => !!el.querySelector('#call-instructions'), 'the form');
}

freshPageEachTest();

describe('the host-an-action call editor', () => {
  it('is not there for a member who does not organize the campaign, nor for a stranger', async () => {
    const calls = fakeFetch({ 'GET /api/v1/me': ME, 'GET /api/v1/me/organizations': MINE('MEMBER') });
    await currentUser(true);
    const el = mount();
    await until(() => calls.some((c) => c.path === '/api/v1/me/organizations'), 'the roles');
    await new Promise((r) => setTimeout(r, 20));
    expect(el.textContent!.trim()).toBe('');

    fakeFetch({});
    await currentUser(true);
    const other = mount();
    await new Promise((r) => setTimeout(r, 20));
    expect(other.textContent!.trim()).toBe('');
  });

  it('writes the call: instructions previewed by the server, a template, materials added and removed, dates', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me': ME,
      'GET /api/v1/me/organizations': MINE('ORGANIZER'),
      'GET /api/v1/campaigns/united/call': () => ({ status: 200, body: CALL }),
      'POST /api/v1/campaigns/united/call/preview': () => ({
        status: 200,
        body: { instructionsHtml: '<h3>Bring candles</h3>' },
      }),
      'PUT /api/v1/campaigns/united/call': (body) => ({
        status: 200,
        body: { ...CALL, ...(body as object), instructionsHtml: '<h3>Bring candles</h3>' },
      }),
    });
    await currentUser(true);
    const el = mount();
    let saved = 0;
    el.addEventListener('call-saved', () => saved++);
    await opened(el);
    expect(el.querySelector<HTMLInputElement>('#call-material-url-0')!.value).toBe('https://example.org/posters.zip');

    el.querySelector<HTMLInputElement>('#call-open')!.click();
    input(el, '#call-instructions', '### Bring candles');
    buttonWithText(el, 'Preview')!.click();
    await until(() => !!el.querySelector('.call-preview .description h3'), 'the preview');
    expect(el.querySelector('.call-preview .description h3')!.textContent).toBe('Bring candles');
    expect(calls.find((c) => c.path.endsWith('/preview'))!.body).toEqual({ instructions: '### Bring candles' });

    input(el, '#call-template', 'A vigil in our city');
    buttonWithText(el, 'Add a link')!.click();
    await until(() => !!el.querySelector('#call-material-url-1'), 'a second row');
    input(el, '#call-material-title-1', 'Leaflet');
    input(el, '#call-material-url-1', 'https://example.org/leaflet.pdf');
    // The first row goes; the second takes its place.
    buttonWithText(el.querySelector('.call-material')!, 'Remove')!.click();
    await until(() => !el.querySelector('#call-material-url-1'), 'one row');
    input(el, '#call-acceptsTo', '2027-10-12');
    el.querySelector<HTMLInputElement>('#call-review-changes')!.click();
    buttonWithText(el, 'Save the call')!.click();

    await until(() => el.textContent!.includes('The call is saved.'), 'the success message');
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      open: true,
      instructions: '### Bring candles',
      template: 'A vigil in our city',
      materials: [{ title: 'Leaflet', url: 'https://example.org/leaflet.pdf' }],
      // The campaign's own first day: left to follow the campaign.
      acceptsFrom: null,
      acceptsTo: '2027-10-12',
      reviewChanges: true,
    });
    expect(saved).toBe(1);
  });

  it("shows the server's field errors beside their fields", async () => {
    fakeFetch({
      'GET /api/v1/me': ME,
      'GET /api/v1/me/organizations': MINE('OWNER'),
      'GET /api/v1/campaigns/united/call': () => ({ status: 200, body: CALL }),
      'PUT /api/v1/campaigns/united/call': () => ({
        status: 400,
        body: {
          status: 400,
          title: 'Invalid request',
          errors: [
            { field: 'materials[0].url', message: 'must be an http or https link' },
            { field: 'acceptsTo', message: 'must not be before acceptsFrom' },
          ],
        },
      }),
    });
    await currentUser(true);
    const el = mount();
    await opened(el);
    input(el, '#call-material-url-0', 'javascript:alert(1)');
    buttonWithText(el, 'Save the call')!.click();
    await until(() => !!el.querySelector('#call-material-url-0-error'), 'the field error');
    expect(el.querySelector('#call-material-url-0-error')!.textContent).toBe('must be an http or https link');
    expect(el.querySelector('#call-material-url-0')!.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#call-acceptsTo-error')!.textContent).toBe('must not be before acceptsFrom');
    expect(el.textContent).not.toContain('The call is saved.');
  });

  it('in Persian: Persian labels, and the accepted dates in the Solar Hijri calendar', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me': ME,
      'GET /api/v1/me/organizations': MINE('ADMIN'),
      'GET /api/v1/campaigns/united/call': () => ({ status: 200, body: CALL }),
      'PUT /api/v1/campaigns/united/call': (body) => ({ status: 200, body: { ...CALL, ...(body as object) } }),
    });
    setLanguage('fa', false);
    await currentUser(true);
    const el = mount();
    await until(() => !!buttonWithText(el, 'ویرایش فراخوان'), 'the Persian panel');
    buttonWithText(el, 'ویرایش فراخوان')!.click();
    await until(() => !!el.querySelector('tocsin-solar-datetime #call-acceptsFrom'), 'the Solar Hijri field');
    expect(el.querySelector('label[for="call-instructions"]')!.textContent).toBe('راهنمای میزبانان (مارک‌داون)');
    // A day alone: no time field beside it.
    expect(el.querySelector('tocsin-solar-datetime input[type="time"]')).toBeNull();
    expect(el.querySelector<HTMLInputElement>('#call-acceptsFrom')!.value).toBe(formatSolar(toSolar('2027-10-10')));
    input(el, '#call-acceptsFrom', formatSolar(toSolar('2027-10-09')));
    buttonWithText(el, 'ذخیرهٔ فراخوان')!.click();
    await until(() => el.textContent!.includes('فراخوان ذخیره شد.'), 'the Persian success message');
    expect((calls.find((c) => c.method === 'PUT')!.body as { acceptsFrom: string }).acceptsFrom).toBe('2027-10-09');
  });
});

describe('callRequest', () => {
  it('drops empty material rows and sends dates equal to the campaign’s as none', () => {
    expect(
      callRequest(
        {
          open: true,
          instructions: 'x',
          template: '',
          materials: [
            { title: ' Posters ', url: ' https://example.org/p.zip ' },
            { title: '', url: '' },
          ],
          acceptsFrom: '2027-10-10',
          acceptsTo: '',
          reviewChanges: false,
        },
        CAMPAIGN,
      ),
    ).toEqual({
      open: true,
      instructions: 'x',
      template: '',
      materials: [{ title: 'Posters', url: 'https://example.org/p.zip' }],
      acceptsFrom: null,
      acceptsTo: null,
      reviewChanges: false,
    });
  });
});
