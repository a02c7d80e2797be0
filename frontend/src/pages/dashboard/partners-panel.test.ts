import { describe, expect, it } from 'vitest';
import './partners-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

const BASE = '/api/v1/organizations/vigils';
const SOURCE = {
  id: 's1',
  url: 'https://cloud.example.org/cal.ics',
  name: 'cloud.example.org',
  defaults: { kind: 'RALLY', city: 'Berlin', countryCode: 'DE', timeZone: 'Europe/Berlin' },
  createdAt: '2027-01-01T12:00:00Z',
  status: {
    lastSyncAt: '2027-01-01T12:00:00Z',
    error: null,
    notModified: false,
    created: 3,
    updated: 0,
    unchanged: 0,
    cancelled: 1,
    skipped: 0,
    refused: [{ uid: 'x@example', summary: 'Camp', reason: 'end: an occurrence may last at most 14 days' }],
  },
};

function mount() {
  const el = document.createElement('tocsin-partners-panel');
  el.setAttribute('slug', 'vigils');
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('the partners panel', () => {
  it('adds a calendar and shows how its sync went, with each event it refused and why', async () => {
    let sources: unknown[] = [];
    const calls = fakeFetch({
      [`GET ${BASE}/imports`]: () => ({ status: 200, body: sources }),
      [`GET ${BASE}/webhooks`]: () => ({ status: 200, body: [] }),
      [`POST ${BASE}/imports`]: () => {
        sources = [SOURCE];
        return { status: 201, body: SOURCE };
      },
    });
    const el = mount();
    await until(() => el.textContent!.includes('No imported calendars.'), 'the empty list');
    el.querySelector<HTMLInputElement>('#import-url')!.value = 'webcal://cloud.example.org/cal.ics';
    el.querySelector<HTMLSelectElement>('#import-kind')!.value = 'RALLY';
    el.querySelector<HTMLInputElement>('#import-city')!.value = 'Berlin';
    el.querySelector<HTMLInputElement>('#import-country')!.value = 'DE';
    el.querySelector<HTMLInputElement>('#import-zone')!.value = 'Europe/Berlin';
    el.querySelector<HTMLFormElement>('.partners-panel form')!.requestSubmit();
    await until(() => el.textContent!.includes('3 new'), 'the status');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      url: 'webcal://cloud.example.org/cal.ics',
      kind: 'RALLY',
      city: 'Berlin',
      countryCode: 'DE',
      timeZone: 'Europe/Berlin',
    });
    expect(el.textContent).toContain('1 not taken');
    expect(el.textContent).toContain('Camp');
    expect(el.textContent).toContain('at most 14 days');
  });

  it('shows a refused calendar address next to its field', async () => {
    fakeFetch({
      [`GET ${BASE}/imports`]: () => ({ status: 200, body: [] }),
      [`GET ${BASE}/webhooks`]: () => ({ status: 200, body: [] }),
      [`POST ${BASE}/imports`]: () => ({
        status: 400,
        body: { status: 400, errors: [{ field: 'url', message: 'must be an http, https or webcal URL' }] },
      }),
    });
    const el = mount();
    await until(() => !!el.querySelector('#import-url'), 'the form');
    el.querySelector<HTMLFormElement>('.partners-panel form')!.requestSubmit();
    await until(() => el.textContent!.includes('must be an http, https or webcal URL'), 'the field error');
    expect(el.querySelector('#import-url')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a new webhook secret once, then the delivery log', async () => {
    let hooks: unknown[] = [];
    fakeFetch({
      [`GET ${BASE}/imports`]: () => ({ status: 200, body: [] }),
      [`GET ${BASE}/webhooks`]: () => ({ status: 200, body: hooks }),
      [`POST ${BASE}/webhooks`]: () => {
        hooks = [
          {
            id: 'w1',
            url: 'https://partner.example/hook',
            types: ['event.created'],
            createdAt: '2027-01-01T12:00:00Z',
          },
        ];
        return { status: 201, body: { ...(hooks[0] as object), secret: 'whsec_c2VjcmV0' } };
      },
      [`GET ${BASE}/webhooks/w1/deliveries`]: () => ({
        status: 200,
        body: [
          {
            id: 'd1',
            messageId: 'msg_1',
            type: 'event.created',
            state: 'DELIVERED',
            attempts: 2,
            lastStatus: 204,
            latencyMillis: 37,
            createdAt: '2027-01-01T12:00:00Z',
          },
        ],
      }),
    });
    const el = mount();
    await until(() => el.textContent!.includes('No webhooks.'), 'the empty list');
    el.querySelector<HTMLInputElement>('#webhook-url')!.value = 'https://partner.example/hook';
    el.querySelectorAll<HTMLFormElement>('.partners-panel form')[1]!.requestSubmit();
    await until(() => !!el.querySelector('#webhook-secret'), 'the secret');
    expect(el.querySelector<HTMLInputElement>('#webhook-secret')!.value).toBe('whsec_c2VjcmV0');
    expect(el.textContent).toContain('shown only this once');
    buttonWithText(el, 'Delivery log')!.click();
    await until(() => el.textContent!.includes('Delivered'), 'the log');
    expect(el.textContent).toContain('37 ms');
  });
});
