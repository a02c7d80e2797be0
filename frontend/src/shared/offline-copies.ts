import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement } from './light-element';
import { t } from '../core/i18n';
import { forgetOfflineNow, offlineCopies } from '../pwa/offline';

/**
 * "Forget offline copies": the actions this device keeps readable offline after an RSVP (the service worker's
 * tickets), and a button that deletes them now, for anyone, guests too. Before, only signing out forgot them, and a
 * guest has no session to end: a phone taken at a checkpoint would still open the pages of every action RSVPed to.
 */
@customElement('tocsin-offline-copies')
export class OfflineCopies extends LightElement {
  @state() private count?: number;
  @state() private forgotten = false;
  @state() private busy = false;

  connectedCallback(): void {
    super.connectedCallback();
    void offlineCopies().then((n) => (this.count = n));
  }

  private async forget() {
    this.busy = true;
    try {
      await forgetOfflineNow();
      this.count = await offlineCopies();
      this.forgotten = true;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const n = this.count ?? 0;
    return html`<section class="offline-copies" aria-labelledby="offline-copies-h">
      <h2 id="offline-copies-h">${t('offline.title')}</h2>
      <p>${n === 0 ? t('offline.none') : t('offline.kept', { n })}</p>
      <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.forget}>${t('offline.forget')}</button>
      <p role="status">${this.forgotten ? t('offline.forgotten') : nothing}</p>
    </section>`;
  }
}
