import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import '../../shared/subscribe-panel';
import { api, ApiError } from '../../core/api';
import { t } from '../../core/i18n';
import { currentUser } from '../../core/session';
import type { FeedAddress, Me } from '../../core/types';

/**
 * "My calendar": the private address of the calendar of one's RSVPs (GET /api/v1/me's calendarFeedUrl), made or
 * replaced with POST /api/v1/me/calendar-feed and turned off with DELETE. The address is the key to who goes
 * where, so it is shown only here, to its owner, and is never stored on this device.
 */
@customElement('tocsin-personal-feed')
export class PersonalFeed extends LightElement {
  /** The signed-in person, when the page has just asked for them: then the first paint shows the address. */
  @property({ attribute: false }) me?: Me;
  @state() private feed: FeedAddress | null = null;
  @state() private loaded = false;
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';

  connectedCallback(): void {
    super.connectedCallback();
    if (this.me) this.show(this.me);
    else void this.load();
  }

  /** After a password change, which turns the address off. */
  reload() {
    this.message = '';
    void this.load();
  }

  private async load() {
    try {
      this.show(await api.me());
    } catch {
      this.error = t('error.load');
      this.loaded = true;
    }
  }

  private show(me: Me) {
    this.feed = me.calendarFeedUrl ? { url: me.calendarFeedUrl, webcal: '' } : null;
    this.loaded = true;
  }

  private async make() {
    if (this.feed && !confirm(t('myFeed.confirmRegenerate'))) return;
    await this.change(async () => {
      this.feed = await api.createCalendarFeed();
      this.message = t('myFeed.created');
    });
  }

  private async revoke() {
    if (!confirm(t('myFeed.confirmRevoke'))) return;
    await this.change(async () => {
      try {
        await api.revokeCalendarFeed();
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) throw e; // already off
      }
      this.feed = null;
      this.message = t('myFeed.revoked');
    });
  }

  private async change(action: () => Promise<void>) {
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      await action();
      void currentUser(true); // the cached "me" carries the address too
    } catch (e) {
      this.error = e instanceof ApiError && e.message ? `${t('myFeed.failed')} ${e.message}` : t('myFeed.failed');
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<section class="personal-feed" aria-labelledby="my-feed-h">
      <h2 id="my-feed-h">${t('myFeed.title')}</h2>
      <p>${t('myFeed.help')}</p>
      <p class="warning"><strong>${t('myFeed.private')}</strong></p>
      ${
        !this.loaded
          ? html`<p aria-live="polite">${t('common.loading')}</p>`
          : this.feed
            ? html`<tocsin-subscribe url=${this.feed.url} webcal=${this.feed.webcal}></tocsin-subscribe>`
            : html`<p>${t('myFeed.none')}</p>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <p class="actions">
        <button type="button" class=${this.feed ? 'secondary' : ''} ?disabled=${this.busy || !this.loaded} @click=${this.make}>
          ${this.feed ? t('myFeed.regenerate') : t('myFeed.create')}</button>
        ${this.feed ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${this.revoke}>${t('myFeed.revoke')}</button>` : nothing}
      </p>
      <p class="status" aria-live="polite">${this.message}</p>
    </section>`;
  }
}
