import { api } from './api';
import type { Me } from './types';

/** Who is signed in, asked once and refreshed on sign-in and sign-out. */
let me: Promise<Me | null> | null = null;

export function currentUser(refresh = false): Promise<Me | null> {
  if (refresh || !me) me = api.me().catch(() => null);
  return me;
}

export function sessionChanged(): void {
  me = null;
  window.dispatchEvent(new Event('tocsin-session'));
}
