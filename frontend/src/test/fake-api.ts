import { afterEach, beforeEach, vi } from 'vitest';
import { setLanguage } from '../core/i18n';

/** A fake backend for component tests: routes "METHOD /path" to a JSON answer (or a status with no body). */
export type Route = (body: unknown) => { status: number; body?: unknown };

export function fakeFetch(routes: Record<string, Route>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetcher = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = new URL(String(url), 'http://localhost').pathname;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    if (path === '/api/v1/auth/csrf')
      return new Response(JSON.stringify({ headerName: 'X-XSRF-TOKEN', token: 't' }), { status: 200 });
    const route = routes[`${method} ${path}`];
    if (!route) return new Response(JSON.stringify({ status: 404, title: 'Not Found' }), { status: 404 });
    const answer = route(body);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
  vi.stubGlobal('fetch', fetcher);
  return calls;
}

/** Waits until the check passes (the component fetched and re-rendered). */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Each test of the file starts in English on an empty page, with the real fetch back afterwards. */
export function freshPageEachTest(): void {
  beforeEach(() => setLanguage('en', false));
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });
}

/** The button of a component whose text contains {@code text}. */
export const buttonWithText = (el: Element, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent!.includes(text));
