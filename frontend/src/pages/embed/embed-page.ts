import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api } from '../../core/api';
import { LOCALES, locale, t } from '../../core/i18n';
import { formatCount, parseCount } from '../../core/format';
import type { Campaign, CityCount } from '../../core/types';

interface Choice {
  organization: string;
  city: string;
  campaign: string;
  tag: string;
  theme: string;
  limit: string;
  lang: string;
}

/** The embed code for some choices: the web component (with its light-DOM fallback link) and the iframe. */
export function embedSnippets(c: Choice, origin: string) {
  const attrs: [string, string][] = [['base-url', origin]];
  for (const k of ['organization', 'city', 'campaign', 'tag', 'limit', 'lang', 'theme'] as const)
    if (c[k]) attrs.push([k, c[k]]);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const page = c.organization
    ? `/organizations/${c.organization}`
    : c.campaign
      ? `/campaigns/${c.campaign}`
      : c.city
        ? `/cities/${c.city}`
        : '/';
  const component =
    `<script type="module" src="${origin}/widget/tocsin-events.js"></script>\n` +
    `<tocsin-events ${attrs.map(([k, v]) => `${k}="${esc(v)}"`).join(' ')}>\n` +
    `  <a href="${origin}${esc(page)}">${esc(t('widget.fallback'))}</a>\n</tocsin-events>`;
  const query = new URLSearchParams(attrs.filter(([k]) => k !== 'base-url'));
  const iframe = `<iframe src="${origin}/embed/events?${esc(query.toString())}" title="${esc(t('widget.heading'))}" width="100%" height="480" loading="lazy"></iframe>`;
  return { component, iframe };
}

/** How many events the widget lists, from the field as typed in any digits: 1–50, else the last good value. */
export function embedLimit(typed: string, current: string): string {
  const n = parseCount(typed);
  return typeof n === 'number' && n >= 1 ? String(Math.min(n, 50)) : current;
}

/** /embed: the embed-code generator for partner sites, with a live preview. */
@customElement('tocsin-embed-page')
export class EmbedPage extends LightElement {
  @state() private choice: Choice = {
    organization: '',
    city: '',
    campaign: '',
    tag: '',
    theme: 'light',
    limit: '5',
    lang: '',
  };
  @state() private cities: CityCount[] = [];
  @state() private campaigns: Campaign[] = [];
  @state() private copied = '';

  connectedCallback(): void {
    super.connectedCallback();
    void import('../../widget/tocsin-events');
    api
      .cities()
      .then((c) => {
        this.cities = c;
      })
      .catch(() => {});
    api
      .campaigns()
      .then((c) => {
        this.campaigns = c;
      })
      .catch(() => {});
  }

  private set(k: keyof Choice, v: string) {
    this.choice = { ...this.choice, [k]: v };
  }

  /** The snippet takes ASCII digits; the field shows the page's own, and what it reads back. */
  private setLimit(field: HTMLInputElement) {
    this.set('limit', embedLimit(field.value, this.choice.limit));
    field.value = formatCount(Number(this.choice.limit), locale());
  }

  private async copy(text: string, which: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = which;
    } catch {
      this.copied = '';
    }
  }

  render() {
    document.title = `${t('embed.title')} · Tocsin`;
    const c = this.choice;
    const s = embedSnippets(c, location.origin);
    const input = (k: keyof Choice, label: string) => html`<div class="field"><label for="em-${k}">${label}</label>
      <input id="em-${k}" dir="ltr" .value=${c[k]} @change=${(e: Event) => this.set(k, (e.target as HTMLInputElement).value.trim())} /></div>`;
    return html`
      <h1>${t('embed.title')}</h1>
      <p>${t('embed.intro')}</p>
      <form class="filters" @submit=${(e: Event) => e.preventDefault()}>
        ${input('organization', t('embed.organization'))}
        <div class="field"><label for="em-city">${t('home.city')}</label>
          <select id="em-city" @change=${(e: Event) => this.set('city', (e.target as HTMLSelectElement).value)}>
            <option value="">${t('home.anyCity')}</option>
            ${this.cities.filter((x) => x.cityKey.includes('/')).map((x) => html`<option value=${x.cityKey}>${x.city} (${x.countryCode})</option>`)}
          </select></div>
        <div class="field"><label for="em-campaign">${t('home.campaign')}</label>
          <select id="em-campaign" @change=${(e: Event) => this.set('campaign', (e.target as HTMLSelectElement).value)}>
            <option value="">${t('home.anyCampaign')}</option>
            ${this.campaigns.map((x) => html`<option value=${x.slug}>${x.name}</option>`)}
          </select></div>
        ${input('tag', t('embed.tag'))}
        <div class="field"><label for="em-theme">${t('embed.theme')}</label>
          <select id="em-theme" @change=${(e: Event) => this.set('theme', (e.target as HTMLSelectElement).value)}>
            <option value="light">${t('embed.light')}</option><option value="dark">${t('embed.dark')}</option>
          </select></div>
        <div class="field"><label for="em-limit">${t('embed.limit')}</label>
          <input id="em-limit" type="text" inputmode="numeric" maxlength="3" dir="ltr" .value=${formatCount(Number(c.limit), locale())}
            @change=${(e: Event) => this.setLimit(e.target as HTMLInputElement)} /></div>
        <div class="field"><label for="em-lang">${t('embed.lang')}</label>
          <select id="em-lang" @change=${(e: Event) => this.set('lang', (e.target as HTMLSelectElement).value)}>
            <option value="">${t('embed.langAuto')}</option>
            ${Object.values(LOCALES).map((l) => html`<option value=${l.lang}>${l.name}</option>`)}
          </select></div>
      </form>
      <div class="field"><label for="em-code">${t('embed.component')}</label>
        <textarea id="em-code" readonly rows="5" dir="ltr" .value=${s.component}></textarea>
        <button type="button" @click=${() => this.copy(s.component, 'component')}>${t('subscribe.copy')}</button></div>
      <div class="field"><label for="em-iframe">${t('embed.iframe')}</label>
        <textarea id="em-iframe" readonly rows="3" dir="ltr" .value=${s.iframe}></textarea>
        <button type="button" @click=${() => this.copy(s.iframe, 'iframe')}>${t('subscribe.copy')}</button></div>
      <p class="status" aria-live="polite">${this.copied ? t('subscribe.copied') : ''}</p>
      <h2>${t('embed.preview')}</h2>
      <tocsin-events base-url=${location.origin} organization=${c.organization} city=${c.city} campaign=${c.campaign}
        tag=${c.tag} limit=${c.limit} lang=${c.lang} theme=${c.theme}></tocsin-events>`;
  }
}

/** /embed/events?…: the widget alone, for sites that embed an iframe instead of running scripts. */
@customElement('tocsin-embed-events')
export class EmbedEvents extends LightElement {
  query = new URLSearchParams();

  connectedCallback(): void {
    super.connectedCallback();
    void import('../../widget/tocsin-events');
  }

  render() {
    const q = this.query;
    return html`<tocsin-events base-url=${location.origin} organization=${q.get('organization') ?? ''} city=${q.get('city') ?? ''}
      campaign=${q.get('campaign') ?? ''} tag=${q.get('tag') ?? ''} limit=${q.get('limit') ?? '5'} lang=${q.get('lang') ?? ''}
      theme=${q.get('theme') ?? 'light'} link-target="_blank"></tocsin-events>`;
  }
}
