import { describe, expect, it } from 'vitest';
import './cohosts-panel';
import './cohost-invitations';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

const EVENT = '/api/v1/events/e1/cohosts';
const HOST = { slug: 'vigils', name: 'Vigil circle' };
const PARTNER = { slug: 'free-voices', name: 'Free voices' };
const invitation = (state: string) => ({
  id: 'c1',
  event: 'e1',
  eventTitle: 'Candle vigil',
  host: HOST,
  organization: PARTNER,
  state,
  invitedAt: '2027-01-05T17:00:00Z',
});

freshPageEachTest();

describe('the co-hosts panel of an event', () => {
  it('invites an organization by its slug, shows where it stands, and ends it', async () => {
    let items: unknown[] = [];
    const calls = fakeFetch({
      [`GET ${EVENT}`]: () => ({ status: 200, body: items }),
      [`POST ${EVENT}`]: () => {
        items = [invitation('PENDING')];
        return { status: 201, body: items[0] };
      },
      [`DELETE ${EVENT}/free-voices`]: () => {
        items = [invitation('ENDED')];
        return { status: 204 };
      },
    });
    const el = document.createElement('tocsin-cohosts-panel');
    el.setAttribute('event-id', 'e1');
    document.body.append(el);
    await until(() => el.textContent!.includes('No co-hosts yet.'), 'the empty list');
    el.querySelector<HTMLInputElement>('#cohost-org')!.value = ' free-voices ';
    el.querySelector<HTMLFormElement>('.cohosts-panel form')!.requestSubmit();
    await until(() => el.textContent!.includes('Invited'), 'the pending invitation');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ organization: 'free-voices' });
    buttonWithText(el, 'End')!.click();
    await until(() => el.textContent!.includes('Ended'), 'the ended co-hosting');
    expect(buttonWithText(el, 'End')).toBeUndefined();
  });

  it('shows the server’s refusal on the field', async () => {
    fakeFetch({
      [`GET ${EVENT}`]: () => ({ status: 200, body: [] }),
      [`POST ${EVENT}`]: () => ({
        status: 400,
        body: {
          status: 400,
          title: 'Invalid request',
          errors: [{ field: 'organization', message: "is the event's host; invite another organization" }],
        },
      }),
    });
    const el = document.createElement('tocsin-cohosts-panel');
    el.setAttribute('event-id', 'e1');
    document.body.append(el);
    await until(() => el.textContent!.includes('No co-hosts yet.'), 'the empty list');
    el.querySelector<HTMLInputElement>('#cohost-org')!.value = 'vigils';
    el.querySelector<HTMLFormElement>('.cohosts-panel form')!.requestSubmit();
    await until(() => el.textContent!.includes('invite another organization'), 'the refusal');
  });
});

describe('an organization’s invitations to co-host', () => {
  it('accepts one, after which it is no longer listed', async () => {
    let open = [invitation('PENDING')];
    const calls = fakeFetch({
      'GET /api/v1/organizations/free-voices/cohost-invitations': () => ({ status: 200, body: open }),
      'POST /api/v1/organizations/free-voices/cohost-invitations/c1/accept': () => {
        open = [];
        return { status: 200, body: invitation('ACCEPTED') };
      },
    });
    const el = document.createElement('tocsin-cohost-invitations');
    el.setAttribute('slug', 'free-voices');
    document.body.append(el);
    await until(() => el.textContent!.includes('Candle vigil'), 'the invitation');
    expect(el.textContent).toContain('Vigil circle');
    buttonWithText(el, 'Accept')!.click();
    await until(() => !el.textContent!.includes('Candle vigil'), 'the list without it');
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/c1/accept'))).toBe(true);
  });
});
