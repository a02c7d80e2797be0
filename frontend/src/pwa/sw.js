// Tocsin's service worker: the app shell and the actions a person RSVPed to, readable with no network.
// Networks at protests are often jammed. No push, no sync, no other origin: it only answers this origin's
// GETs, network first, and falls back to what it kept. The build (vite.config.ts) replaces SHELL with the
// built files and VERSION with their hash.
const SHELL = self.__TOCSIN_SHELL__;
const VERSION = self.__TOCSIN_VERSION__;
const SHELL_CACHE = `tocsin-shell-${VERSION}`;
// Kept across app versions: a new build must not drop the tickets someone relies on at the square.
const TICKETS = 'tocsin-tickets';
const MAX_TICKETS = 50;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('tocsin-shell-') && n !== SHELL_CACHE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** Only same-origin paths of the kinds the page asks for: an event page and its API answer. */
const KEEPABLE = /^\/(events\/[A-Za-z0-9_-]{1,64}|api\/v1\/events\/[A-Za-z0-9_-]{1,64})$/;

async function keep(paths) {
  const cache = await caches.open(TICKETS);
  for (const path of paths) {
    if (typeof path !== 'string' || !KEEPABLE.test(path)) continue;
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: acceptFor(path) } });
    if (response.ok) await putWhole(cache, path, response);
  }
  // Oldest first: keep the most recent tickets only.
  const kept = await cache.keys();
  await Promise.all(kept.slice(0, Math.max(0, kept.length - MAX_TICKETS)).map((r) => cache.delete(r)));
}

/**
 * Puts an answer once its whole body is here. A streamed put replaces the kept copy first and fills it as the
 * body arrives: a network that drops mid-answer (as at a jammed square) would leave no ticket at all.
 */
async function putWhole(cache, path, response) {
  const body = await response.arrayBuffer();
  await cache.put(path, new Response(body, { status: response.status, headers: response.headers }));
}

const acceptFor = (path) => (path.startsWith('/api/') ? 'application/json' : 'text/html');

self.addEventListener('message', (event) => {
  if (event.origin && event.origin !== self.location.origin) return;
  const data = event.data ?? {};
  if (data.type === 'keep' && Array.isArray(data.paths)) event.waitUntil(keep(data.paths.slice(0, 10)));
  // Signing out, or "forget this device": nothing of a person's actions stays behind.
  if (data.type === 'forget') event.waitUntil(caches.delete(TICKETS));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    // Content-hashed: the cached copy is the right one.
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
    return;
  }
  const offline = async () => {
    const tickets = await caches.open(TICKETS);
    const kept = await tickets.match(url.pathname);
    if (kept) return kept;
    if (request.mode === 'navigate') {
      const shell = await caches.match('/index.html');
      if (shell) return shell;
    }
    return Response.error();
  };
  event.respondWith(
    fetch(request).then(
      (response) => {
        // A kept ticket is refreshed whenever it is seen online, so offline shows the latest time and place.
        if (response.ok && KEEPABLE.test(url.pathname)) {
          const copy = response.clone();
          event.waitUntil(
            caches
              .open(TICKETS)
              .then((c) => c.match(url.pathname).then((hit) => (hit ? putWhole(c, url.pathname, copy) : undefined)))
              .catch(() => undefined),
          );
        }
        return response;
      },
      () => offline(),
    ),
  );
});
