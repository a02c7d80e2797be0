import { LitElement, css, html, nothing } from 'lit';
import { Api } from '../core/api';
import { formatWhen } from '../core/format';
import { subscribeLinks } from '../core/subscribe-links';
import { widgetLocale, type WidgetKey } from './widget-words';
import type { EventFilters, EventView } from '../core/types';
import { cityName } from '../core/city-names';

/**
 * <tocsin-events base-url organization city campaign tag limit lang theme>: a partner site's list of upcoming
 * actions. One ES module, Shadow DOM, themable with ::part and --tocsin-* custom properties. Fetches with
 * credentials: 'omit' (no cookies; works on any origin through the public API's CORS). Children are the
 * light-DOM fallback (e.g. a link to the calendar page): shown when scripts do not run, and in the error state.
 */
export class TocsinEvents extends LitElement {
  static properties = {
    baseUrl: { attribute: 'base-url' },
    organization: {},
    city: {},
    campaign: {},
    tag: {},
    limit: { type: Number },
    lang: {},
    theme: { reflect: true },
    linkTarget: { attribute: 'link-target' },
    items: { state: true },
    status: { state: true },
  };

  static styles = css`
    :host {
      display: block;
      font-family: var(--tocsin-font, system-ui, sans-serif);
      color: var(--tocsin-color, #1a1a1a);
      background: var(--tocsin-bg, #ffffff);
      border: 1px solid var(--tocsin-border, #c8c8c8);
      border-radius: var(--tocsin-radius, 0.5rem);
      padding: var(--tocsin-padding, 0.75rem 1rem);
      line-height: 1.4;
    }
    :host([theme='dark']) {
      color: var(--tocsin-color, #f2f2f2);
      background: var(--tocsin-bg, #1b1b1f);
      border-color: var(--tocsin-border, #55555f);
    }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding-block: 0.5rem; border-block-end: 1px solid var(--tocsin-border, #d8d8d8); }
    li:last-child { border-block-end: 0; }
    a { color: var(--tocsin-accent, #0b57d0); }
    :host([theme='dark']) a { color: var(--tocsin-accent, #a8c7fa); }
    a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
    .title { font-weight: 600; }
    .meta, .secondary { font-size: 0.875em; opacity: 0.85; margin: 0; }
    .cancelled .title { text-decoration: line-through; }
    .badge { font-size: 0.75em; font-weight: 700; color: var(--tocsin-danger, #b3261e); }
    :host([theme='dark']) .badge { color: var(--tocsin-danger, #f2b8b5); }
    .footer { margin-block-start: 0.5rem; font-size: 0.875em; }
    .error { color: var(--tocsin-danger, #b3261e); }
    :host([theme='dark']) .error { color: var(--tocsin-danger, #f2b8b5); }
    p { margin-block: 0.25rem; }
  `;

  baseUrl = '';
  organization = '';
  city = '';
  campaign = '';
  tag = '';
  limit = 5;
  lang = '';
  theme: 'light' | 'dark' = 'light';
  linkTarget = '';
  items: EventView[] = [];
  status: 'loading' | 'ready' | 'error' = 'loading';
  private loadedKey = '';

  private get base(): string {
    return (this.baseUrl || new URL(import.meta.url).origin).replace(/\/+$/, '');
  }

  private get locale() {
    const wish = this.lang || this.closest('[lang]')?.getAttribute('lang') || navigator.language;
    return widgetLocale(wish);
  }

  filters(): EventFilters {
    const f: EventFilters = { limit: Math.min(Math.max(Number(this.limit) || 5, 1), 50) };
    if (this.organization) f.organization = this.organization;
    if (this.campaign) f.campaign = this.campaign;
    if (this.tag) f.tag = this.tag;
    if (this.city && this.city.includes('/')) {
      const [country, ...rest] = this.city.split('/');
      f.country = country;
      f.city = rest.join('/');
    }
    return f;
  }

  /** The feed the Subscribe link points at, without its extension. */
  feedPath(): string {
    if (this.organization) return `/feeds/organizations/${encodeURIComponent(this.organization)}`;
    if (this.campaign) return `/feeds/campaigns/${encodeURIComponent(this.campaign)}`;
    if (this.city) return `/feeds/cities/${this.city.split('/').map(encodeURIComponent).join('/')}`;
    if (this.tag) return `/feeds/tags/${encodeURIComponent(this.tag)}`;
    return '/feeds/events';
  }

  protected updated(): void {
    const key = JSON.stringify([this.base, this.filters()]);
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
  }

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      const page = await new Api(this.base, 'omit').events(this.filters());
      this.items = page.items;
      this.status = 'ready';
    } catch {
      this.status = 'error';
    }
  }

  private t(key: WidgetKey) {
    return this.locale.words[key];
  }

  render() {
    const loc = this.locale;
    const target = this.linkTarget || nothing;
    const rel = this.linkTarget ? 'noopener' : nothing;
    const header = html`<p part="header" class="secondary">${this.t('widget.heading')}</p>`;
    if (this.status === 'error') {
      return html`<div dir=${loc.dir} lang=${loc.lang} part="error" class="error" role="alert">
        ${this.t('widget.error')} <slot></slot></div>`;
    }
    if (this.status === 'loading' && !this.items.length) {
      return html`<div dir=${loc.dir} lang=${loc.lang} aria-busy="true">${header}<p>${this.t('common.loading')}</p></div>`;
    }
    const links = subscribeLinks(this.feedPath(), this.base, '', loc.lang);
    const webcal = links.webcal;
    return html`<div dir=${loc.dir} lang=${loc.lang}>
      ${header}
      ${
        this.items.length
          ? html`<ol part="list">
        ${this.items.map((e) => {
          const when = formatWhen(e.startUtc, e.endUtc, e.timeZone, loc);
          const cancelled = e.status === 'CANCELLED';
          return html`<li part="item" class=${cancelled ? 'cancelled' : ''}>
            <a part="link title" class="title" dir="auto" href="${this.base}/events/${encodeURIComponent(e.id)}${e.recurrence && e.recurrenceId ? `?occurrence=${encodeURIComponent(e.recurrenceId)}` : ''}" target=${target} rel=${rel}>${e.title}</a>
            ${cancelled ? html` <span part="badge" class="badge">${this.t('event.cancelled')}</span>` : nothing}
            <p part="time" class="meta"><time datetime=${e.startUtc}>${when.local}</time></p>
            <p part="place" class="meta">${e.place ? cityName(e.place, loc.lang) : this.t('event.online')} · ${e.organization.name}</p>
          </li>`;
        })}
      </ol>`
          : html`<p part="empty">${this.t('events.none')}</p>`
      }
      <p part="footer" class="footer">
        <a part="subscribe" href=${webcal}>${this.t('widget.subscribe')}</a> ·
        ${links.google ? html`<a part="subscribe google" href=${links.google} target="_blank" rel="noopener noreferrer">Google</a> ·` : nothing}
        <a part="subscribe outlook" href=${links.outlook} target="_blank" rel="noopener noreferrer">Outlook</a> ·
        <a part="link" href="${this.base}${this.feedPath()
          .replace('/feeds', '')
          .replace(/^\/events$/, '/')}" target=${target} rel=${rel}>${this.t('widget.more')}</a>
      </p>
    </div>`;
  }
}

if (!customElements.get('tocsin-events')) customElements.define('tocsin-events', TocsinEvents);

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-events': TocsinEvents;
  }
}
