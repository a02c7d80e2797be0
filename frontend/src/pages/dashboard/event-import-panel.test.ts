import { describe, expect, it, vi } from 'vitest';
import './event-import-panel';
import { freshPageEachTest, until } from '../../test/fake-api';

const BASE = '/api/v1/organizations/vigils/events';

function job(state: string, written: number, extra: object = {}) {
  return {
    id: 'j1',
    state,
    received: 3,
    written,
    failed: 0,
    problems: [],
    moreProblems: false,
    createdAt: '2027-01-01T12:00:00Z',
    updatedAt: '2027-01-01T12:00:00Z',
    ...extra,
  };
}

/** A fake server that answers the import, then each poll with the next of {@code polls}. */
function fakeServer(accepted: object, polls: object[]) {
  const sent: { method: string; path: string; type: string | null; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(url), 'http://localhost').pathname;
      const headers = new Headers(init?.headers);
      sent.push({ method: init?.method ?? 'GET', path, type: headers.get('Content-Type'), body: init?.body });
      if (path === '/api/v1/auth/csrf') return new Response(JSON.stringify({ headerName: 'X-XSRF-TOKEN', token: 't' }));
      if (path === `${BASE}/import`) return new Response(JSON.stringify(accepted), { status: 202 });
      if (path === `${BASE}/imports/j1`) return new Response(JSON.stringify(polls.shift()));
      return new Response(null, { status: 404 });
    }),
  );
  return sent;
}

function upload(el: Element, text: string) {
  const input = el.querySelector<HTMLInputElement>('#bulk-file')!;
  const files = new DataTransfer();
  files.items.add(new File([text], 'events.ndjson', { type: 'application/x-ndjson' }));
  input.files = files.files;
  el.querySelector<HTMLFormElement>('.event-import-panel form')!.requestSubmit();
}

function mount() {
  const el = document.createElement('tocsin-event-import-panel');
  el.setAttribute('slug', 'vigils');
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('the event import panel', () => {
  it('sends the file as NDJSON and shows the job moving on until every event is stored', async () => {
    const sent = fakeServer(job('CHECKING', 0), [job('WRITING', 1), job('DONE', 3)]);
    const el = mount();
    await until(() => !!el.querySelector('#bulk-file'), 'the form');
    upload(el, '{"title":"a"}\n{"title":"b"}\n{"title":"c"}\n');
    await until(() => el.textContent!.includes('1 of 3 events stored'), 'the progress');
    const bar = el.querySelector('progress')!;
    expect(bar.getAttribute('max')).toBe('3');
    expect(bar.getAttribute('value')).toBe('1');
    await until(() => el.textContent!.includes('All 3 events imported.'), 'the end');
    expect(el.querySelector('progress')).toBeNull();
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.type).toBe('application/x-ndjson');
    expect(await (post.body as Blob).text()).toBe('{"title":"a"}\n{"title":"b"}\n{"title":"c"}\n');
  });

  it('lists each refused line with its field when the file was rejected', async () => {
    fakeServer(job('CHECKING', 0), [
      job('REJECTED', 0, {
        failed: 1,
        problems: [{ line: 2, field: 'end', message: 'must be after the start' }],
      }),
    ]);
    const el = mount();
    await until(() => !!el.querySelector('#bulk-file'), 'the form');
    upload(el, '{}\n{}\n{}');
    await until(() => el.textContent!.includes('Nothing was imported'), 'the rejection');
    expect(el.querySelector('.refused')!.textContent).toContain('Line 2');
    expect(el.querySelector('.refused')!.textContent).toContain('end: must be after the start');
  });
});
