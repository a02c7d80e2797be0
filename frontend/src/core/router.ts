/** Client-side routes with real, deep-linkable URLs (the backend answers index.html for each). */
export type RouteName =
  | 'home'
  | 'city'
  | 'organization'
  | 'campaign'
  | 'event'
  | 'rsvp'
  | 'join'
  | 'signin'
  | 'register'
  | 'forgot-password'
  | 'reset-password'
  | 'verify-email'
  | 'dashboard'
  | 'org-admin'
  | 'event-new'
  | 'event-edit'
  | 'event-rsvps'
  | 'embed'
  | 'embed-events'
  | 'moderation'
  | 'not-found';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
  query: URLSearchParams;
}

const TABLE: [RouteName, RegExp, string[]][] = [
  ['home', /^\/$/, []],
  ['city', /^\/cities\/([A-Za-z]{2})\/([^/]+)$/, ['country', 'city']],
  ['organization', /^\/organizations\/([^/]+)$/, ['slug']],
  ['campaign', /^\/campaigns\/([^/]+)$/, ['slug']],
  ['event', /^\/events\/([^/.]+)$/, ['id']],
  ['rsvp', /^\/rsvp\/([^/]+)$/, ['token']],
  ['join', /^\/join\/([^/]+)$/, ['token']],
  ['signin', /^\/signin$/, []],
  ['register', /^\/register$/, []],
  ['forgot-password', /^\/forgot-password$/, []],
  ['reset-password', /^\/reset-password$/, []],
  ['verify-email', /^\/verify-email$/, []],
  ['dashboard', /^\/dashboard$/, []],
  ['org-admin', /^\/dashboard\/organizations\/([^/]+)$/, ['slug']],
  ['event-new', /^\/dashboard\/organizations\/([^/]+)\/events\/new$/, ['slug']],
  ['event-edit', /^\/dashboard\/events\/([^/]+)$/, ['id']],
  ['event-rsvps', /^\/dashboard\/events\/([^/]+)\/rsvps$/, ['id']],
  ['embed', /^\/embed$/, []],
  ['embed-events', /^\/embed\/events$/, []],
  ['moderation', /^\/dashboard\/moderation$/, []],
];

/**
 * The pages only for someone signed in. The server answers them with the app like any page (a browser gets no
 * 401); signed out, the app sends the visitor to sign in and back (`signInFirst`).
 */
export const MEMBER_ROUTES: ReadonlySet<RouteName> = new Set<RouteName>([
  'dashboard',
  'org-admin',
  'event-new',
  'event-edit',
  'event-rsvps',
  'moderation',
]);

/** The sign-in page that comes back to `path` (this site's path and query) once signed in. */
export function signInFirst(path: string): string {
  return `/signin?next=${encodeURIComponent(path)}`;
}

export function match(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const query = new URLSearchParams(search);
  for (const [name, re, keys] of TABLE) {
    const m = re.exec(path);
    if (m) {
      const params: Record<string, string> = {};
      keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1]);
      });
      return { name, params, query };
    }
  }
  return { name: 'not-found', params: {}, query };
}

/** Links the router handles itself; feeds, .ics downloads and the API are left to the browser. */
export function isAppPath(url: URL): boolean {
  return (
    url.origin === location.origin &&
    !/^\/(api|feeds|widget|v3|actuator)\//.test(url.pathname) &&
    !/\.[a-z0-9]+$/i.test(url.pathname) &&
    match(url.pathname).name !== 'not-found'
  );
}

export function navigate(href: string, replace = false): void {
  const url = new URL(href, location.href);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event('tocsin-navigate'));
}

/** An http(s) address as given, or undefined: never a javascript: or data: link from user input. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}

/** Path helpers so links are spelt the same everywhere. */
export const paths = {
  /** An event; with `occurrence` (a series' recurrenceId, its original local start) one date of it. */
  event: (id: string, occurrence?: string) =>
    `/events/${encodeURIComponent(id)}${occurrence ? `?occurrence=${encodeURIComponent(occurrence)}` : ''}`,
  /** A city by its key, e.g. "de/berlin" or "ir/تهران". */
  city: (cityKey: string) => `/cities/${cityKey.split('/').map(encodeURIComponent).join('/')}`,
  organization: (slug: string) => `/organizations/${encodeURIComponent(slug)}`,
  campaign: (slug: string) => `/campaigns/${encodeURIComponent(slug)}`,
  rsvp: (token: string) => `/rsvp/${encodeURIComponent(token)}`,
  join: (token: string) => `/join/${encodeURIComponent(token)}`,
  orgAdmin: (slug: string) => `/dashboard/organizations/${encodeURIComponent(slug)}`,
  newEvent: (slug: string) => `/dashboard/organizations/${encodeURIComponent(slug)}/events/new`,
  editEvent: (id: string) => `/dashboard/events/${encodeURIComponent(id)}`,
  eventRsvps: (id: string) => `/dashboard/events/${encodeURIComponent(id)}/rsvps`,
  moderation: () => '/dashboard/moderation',
};
