import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from './light-element';
import { lang, t } from '../core/i18n';
import { subscribeLinks, webcalOf } from '../core/subscribe-links';

export { GOOGLE_MAX_URL, subscribeLinks, webcalOf } from '../core/subscribe-links';

/**
 * The Subscribe panel: webcal link, https URL with a copy button, Google Calendar, Outlook.com and
 * Microsoft 365, JSON and Atom.
 * With `url` (a full .ics address, such as a private feed) instead of `feed-path`: only the webcal link and the
 * address with its copy button, no heading of its own, and no Google link (a private address is given to nobody).
 */
@customElement('tocsin-subscribe')
export class SubscribePanel extends LightElement {
  @property({ attribute: 'feed-path' }) feedPath = '';
  /** A full https address of a private .ics feed. */
  @property() url = '';
  /** Its webcal:// form when the API gave one; otherwise made from `url`. */
  @property() webcal = '';
  @state() private copied = false;
  private copiedTimer?: ReturnType<typeof setTimeout>;

  private async copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const input = this.querySelector<HTMLInputElement>('input.feed-url');
      input?.select();
      document.execCommand?.('copy');
    }
    this.copied = true;
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => {
      this.copied = false;
    }, 3000);
  }

  private copyRow(id: string, https: string) {
    return html`<label for=${id}>${t('subscribe.url')}</label>
      <div class="copy-row">
        <input id=${id} class="feed-url" type="text" readonly .value=${https} dir="ltr" />
        <button type="button" @click=${() => this.copy(https)}>${t('subscribe.copy')}</button>
      </div>
      <p class="status" aria-live="polite">${this.copied ? t('subscribe.copied') : ''}</p>`;
  }

  render() {
    if (this.url) {
      return html`<div class="subscribe private-feed">
        <p class="actions"><a class="button" href=${this.webcal || webcalOf(this.url)}>${t('subscribe.webcal')}</a></p>
        ${this.copyRow('feed-url-private', this.url)}
      </div>`;
    }
    if (!this.feedPath) return nothing;
    const links = subscribeLinks(this.feedPath, location.origin, '', lang());
    const id = `feed-url-${this.feedPath.replace(/[^a-z0-9]/gi, '-')}`;
    return html`<section class="subscribe" aria-labelledby="${id}-h">
      <h2 id="${id}-h">${t('subscribe.title')}</h2>
      <p>${t('subscribe.help')}</p>
      <p class="actions">
        <a class="button" href=${links.webcal}>${t('subscribe.webcal')}</a>
        ${
          links.google
            ? html`<a class="button secondary" href=${links.google} rel="noopener noreferrer">${t('subscribe.google')}</a>`
            : nothing
        }
        <a class="button secondary" href=${links.outlook} rel="noopener noreferrer">${t('subscribe.outlook')}</a>
        <a class="button secondary" href=${links.office365} rel="noopener noreferrer">${t('subscribe.office365')}</a>
      </p>
      ${this.copyRow(id, links.https)}
      <p class="feeds">
        <a href=${links.json}>${t('subscribe.json')}</a> · <a href=${links.atom}>${t('subscribe.atom')}</a> ·
        <a href=${links.https}>${t('subscribe.ics')}</a>
      </p>
    </section>`;
  }
}
