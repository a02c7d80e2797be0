import { describe, expect, it, vi } from 'vitest';
import { Api, ApiError, eventQuery } from './api';

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('the API client', () => {
  it('builds event queries, leaving empty filters out', () => {
    expect(eventQuery({ city: 'berlin', country: 'de', q: ' ', kind: undefined, limit: 5 })).toBe(
      '?city=berlin&country=de&limit=5',
    );
    expect(eventQuery({})).toBe('');
  });

  it('fetches the CSRF token once and echoes it on writes', async () => {
    const fetcher = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url).endsWith('/api/v1/auth/csrf')) return json(200, { headerName: 'X-XSRF-TOKEN', token: 'tok-1' });
      expect((init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('tok-1');
      return json(201, { id: 'o1', slug: 'group', name: 'Group' });
    });
    const api = new Api('', 'same-origin', fetcher as typeof fetch);
    await api.createOrganization({ name: 'Group' });
    await api.createOrganization({ name: 'Group' });
    expect(fetcher.mock.calls.filter(([u]) => String(u).endsWith('/csrf'))).toHaveLength(1);
    const [, init] = fetcher.mock.calls[1];
    expect(init!.method).toBe('POST');
    expect(init!.credentials).toBe('same-origin');
    expect(JSON.parse(String(init!.body))).toEqual({ name: 'Group' });
  });

  it('turns problem details into field errors', async () => {
    const fetcher = vi.fn(async (url: RequestInfo | URL) =>
      String(url).endsWith('/csrf')
        ? json(200, { headerName: 'X-XSRF-TOKEN', token: 't' })
        : json(
            400,
            {
              type: '/problems/validation',
              title: 'Invalid',
              status: 400,
              detail: 'name: must not be blank',
              errors: [
                { field: 'name', message: 'must not be blank' },
                { field: 'email', message: 'must be an email' },
              ],
            },
            'application/problem+json',
          ),
    );
    const api = new Api('', 'same-origin', fetcher as typeof fetch);
    const error = await api.rsvp('e1', { name: '', response: 'GOING' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldErrors()).toEqual({ name: 'must not be blank', email: 'must be an email' });
    expect(fetcher.mock.calls[1][0]).toBe('/api/v1/events/e1/rsvps');
  });

  it('retries once with a fresh token when the session changed under it', async () => {
    let token = 0;
    let posts = 0;
    const fetcher = vi.fn(async (url: RequestInfo | URL) => {
      if (String(url).endsWith('/csrf')) return json(200, { headerName: 'X-XSRF-TOKEN', token: `t${++token}` });
      return ++posts === 1 ? json(403, { type: '/problems/csrf', status: 403 }) : json(200, {});
    });
    const api = new Api('', 'same-origin', fetcher as typeof fetch);
    await api.post('/api/v1/auth/logout');
    expect(token).toBe(2);
  });

  it('sends no cookies and asks for no CSRF token for a foreign site (the widget)', async () => {
    const fetcher = vi.fn(async () => json(200, { items: [], nextCursor: null }));
    const api = new Api('https://tocsin.example/', 'omit', fetcher as typeof fetch);
    await api.events({ organization: 'group', limit: 3 });
    expect(fetcher).toHaveBeenCalledTimes(1);
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://tocsin.example/api/v1/events?organization=group&limit=3');
    expect(init.credentials).toBe('omit');
  });

  it('reads one’s own RSVP with its event', async () => {
    const fetcher = vi.fn(async () =>
      json(200, {
        rsvp: { id: 'r1', name: 'Sara', state: 'GOING', response: 'GOING', guests: 1 },
        event: { id: 'e1', title: 'Vigil' },
      }),
    );
    const api = new Api('', 'same-origin', fetcher as typeof fetch);
    const rsvp = await api.myRsvp('tok');
    expect(rsvp).toMatchObject({ id: 'r1', state: 'GOING', guests: 1, event: { id: 'e1' } });
    expect((fetcher.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/rsvps/tok');
  });

  it('reports a network failure as an error, not a crash', async () => {
    const api = new Api('', 'omit', (async () => {
      throw new TypeError('offline');
    }) as typeof fetch);
    const error = await api.cities().catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
  });
});
