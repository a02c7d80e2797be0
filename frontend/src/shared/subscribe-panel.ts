import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from './light-element';
import { t } from '../core/i18n';

/** Subscription addresses of a feed path such as "/feeds/cities/de/berlin" (no extension). */
export function subscribeLinks(feedPath: string, origin = location.origin) {
  const https = `${origin}${feedPath}.ics`;
  const webcal = https.replace(/^https?:/, 'webcal:');
  return {
    https,
    webcal,
    // A plain link to Google's "add by URL" page: nothing of Google's is loaded by Tocsin itself.
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    json: `${origin}${feedPath}.json`,
    atom: `${origin}${feedPath}.atom`,
  };
}

/** The Subscribe panel: webcal link, https URL with a copy button, Google Calendar, JSON and Atom. */
@customElement('tocsin-subscribe')
export class SubscribePanel extends LightElement {
  @property({ attribute: 'feed-path' }) feedPath = '';
  @state() private copied = false;

  private async copy() {
    const links = subscribeLinks(this.feedPath);
    try {
      await navigator.clipboard.writeText(links.https);
    } catch {
      const input = this.querySelector<HTMLInputElement>('input.feed-url');
      input?.select();
      document.execCommand?.('copy');
    }
    this.copied = true;
    setTimeout(() => { this.copied = false; }, 3000);
  }

  render() {
    if (!this.feedPath) return html``;
    const links = subscribeLinks(this.feedPath);
    const id = `feed-url-${this.feedPath.replace(/[^a-z0-9]/gi, '-')}`;
    return html`<section class="subscribe" aria-labelledby="${id}-h">
      <h2 id="${id}-h">${t('subscribe.title')}</h2>
      <p>${t('subscribe.help')}</p>
      <p class="actions">
        <a class="button" href=${links.webcal}>${t('subscribe.webcal')}</a>
        <a class="button secondary" href=${links.google} rel="noopener noreferrer">${t('subscribe.google')}</a>
      </p>
      <label for=${id}>${t('subscribe.url')}</label>
      <div class="copy-row">
        <input id=${id} class="feed-url" type="text" readonly .value=${links.https} dir="ltr" />
        <button type="button" @click=${this.copy}>${t('subscribe.copy')}</button>
      </div>
      <p class="status" aria-live="polite">${this.copied ? t('subscribe.copied') : ''}</p>
      <p class="feeds">
        <a href=${links.json}>${t('subscribe.json')}</a> · <a href=${links.atom}>${t('subscribe.atom')}</a> ·
        <a href=${links.https}>${t('subscribe.ics')}</a>
      </p>
    </section>`;
  }
}
