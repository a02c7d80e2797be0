/**
 * The offline side of the app: registers the service worker (src/pwa/sw.js, built to /sw.js) and asks it to keep
 * an action someone RSVPed to, so its page opens at the protest when the network is jammed. What is kept stays
 * on this device only, and signing out forgets it.
 */
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
