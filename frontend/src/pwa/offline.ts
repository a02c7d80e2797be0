/**
 * The offline side of the app: registers the service worker (src/pwa/sw.js, built to /sw.js) and asks it to keep
 * an action someone RSVPed to, so its page opens at the protest when the network is jammed. What is kept stays
 * on this device only; signing out forgets it, and so does "forget offline copies" (guests too).
 */

/** The cache the worker keeps tickets in (the same name as in sw.js). */
export const TICKETS = 'tocsin-tickets';
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}

async function tell(message: unknown): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(message);
}

/** Keeps an event's page and its data readable offline (after an RSVP). */
export function keepForOffline(eventId: string): Promise<void> {
  const id = encodeURIComponent(eventId);
  return tell({ type: 'keep', paths: [`/events/${id}`, `/api/v1/events/${id}`] }).catch(() => undefined);
}

/** Forgets every kept event (on sign-out). */
export function forgetOffline(): Promise<void> {
  return tell({ type: 'forget' }).catch(() => undefined);
}

/** How many actions this device keeps readable offline (their pages; each also has its API answer). */
export async function offlineCopies(): Promise<number> {
  if (!('caches' in globalThis)) return 0;
  try {
    if (!(await caches.has(TICKETS))) return 0;
    const kept = await (await caches.open(TICKETS)).keys();
    return kept.filter((r) => new URL(r.url).pathname.startsWith('/events/')).length;
  } catch {
    return 0;
  }
}

/**
 * Forgets every kept event now and says when it is done: the page deletes the cache itself (Cache Storage is the
 * origin's, shared with the worker) instead of only asking the worker, so the answer means it is gone.
 */
export async function forgetOfflineNow(): Promise<void> {
  if ('caches' in globalThis) await caches.delete(TICKETS).catch(() => false);
  await forgetOffline();
}
