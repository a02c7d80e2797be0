import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { kindLabel } from '../../shared/event-list';
import '../../shared/event-list';
import './month-view';
import '../dashboard/solar-datetime';
import { api } from '../../core/api';
import { lang, t } from '../../core/i18n';
import { navigate, paths } from '../../core/router';
import { ACCESSIBILITY_FEATURES, FILTER_LANGUAGES, accessibilityLabel, languageName } from '../../core/accessibility';
import { EVENT_KINDS, type Campaign, type CityCount, type EventFilters, type EventView } from '../../core/types';
import { cityName } from '../../core/city-names';

const FILTER_KEYS = [
  'q',
  'city',
  'kind',
  'from',
  'campaign',
  'accessibility',
  'language',
  'near',
  'view',
  'month',
] as const;

/** "/": upcoming actions, searchable and filtered; the filters live in the URL so a search can be shared. */
@customElement('tocsin-home-page')
export class HomePage extends LightElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private items: EventView[] = [];
  @state() private cursor: string | null = null;
  @state() private loading = false;
  @state() private error = '';
  @state() private cities: CityCount[] = [];
  @state() private campaigns: Campaign[] = [];
  @state() private locating = '';
  /** The day typed in the Solar Hijri field (Persian), until the search is sent; else the URL's. */
  @state() private from: string | undefined;

  connectedCallback(): void {
    super.connectedCallback();
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

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) this.from = undefined;
    if (changed.has('query') && this.query.get('view') !== 'month') void this.load(false);
  }

  /** The same search in another view or month. */
  private href(view: string, month?: string): string {
    const p = new URLSearchParams(this.query);
    p.set('view', view);
    if (view === 'list') {
      p.delete('view');
      p.delete('month');
    }
    if (month) p.set('month', month);
    return `/?${p}`;
  }

  private filters(): EventFilters {
    const f: EventFilters = { limit: 30 };
    const q = this.query;
    if (q.get('q')) f.q = q.get('q')!;
    const city = q.get('city');
    if (city && city.includes('/')) {
      const [country, ...rest] = city.split('/');
      f.country = country;
      f.city = rest.join('/');
    }
    if (q.get('kind')) f.kind = q.get('kind')!;
    if (q.get('from')) f.from = q.get('from')!;
    if (q.get('campaign')) f.campaign = q.get('campaign')!;
    if (q.get('accessibility')) f.accessibility = q.get('accessibility')!;
    if (q.get('language')) f.language = q.get('language')!;
    if (q.get('near')) {
      f.near = q.get('near')!;
      f.radiusKm = '50';
    }
    return f;
  }

  private async load(more: boolean) {
    this.loading = true;
    this.error = '';
    try {
      const page = await api.events({ ...this.filters(), cursor: more && this.cursor ? this.cursor : undefined });
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.cursor = page.nextCursor ?? null;
    } catch {
      this.error = t('error.load');
      if (!more) this.items = [];
    } finally {
      this.loading = false;
    }
  }

  private submit(ev: Event) {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = k === 'near' || k === 'view' || k === 'month' ? this.query.get(k) : (data.get(k) as string | null);
      if (v) params.set(k, v);
    }
    const lang = this.query.get('lang');
    if (lang) params.set('lang', lang);
    navigate(`/${params.toString() ? `?${params}` : ''}`, true);
  }

  private nearMe() {
    if (!navigator.geolocation) {
      this.locating = t('home.nearUnavailable');
      return;
    }
    this.locating = t('home.locating');
    // Asked only now, on request; the position goes nowhere but into this search (rounded to about 1 km).
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.locating = '';
        const params = new URLSearchParams(this.query);
        params.set('near', `${pos.coords.latitude.toFixed(2)},${pos.coords.longitude.toFixed(2)}`);
        params.delete('city');
        navigate(`/?${params}`, true);
      },
      () => {
        this.locating = t('home.nearDenied');
      },
      { maximumAge: 600000, timeout: 15000 },
    );
  }

  private clearNear() {
    const params = new URLSearchParams(this.query);
    params.delete('near');
    navigate(`/${params.toString() ? `?${params}` : ''}`, true);
  }

  render() {
    const q = this.query;
    // The Persian date field's day: as just picked, else as the address has it.
    const from = this.from ?? q.get('from') ?? '';
    return html`
      <h1>${t('home.title')}</h1>
      <form class="filters" role="search" @submit=${this.submit}>
        <div class="field grow">
          <label for="f-q">${t('home.search')}</label>
          <input id="f-q" name="q" type="search" .value=${q.get('q') ?? ''} />
        </div>
        <div class="field">
          <label for="f-city">${t('home.city')}</label>
          <select id="f-city" name="city">
            <option value="">${t('home.anyCity')}</option>
            ${this.cities.filter((c) => c.cityKey.includes('/')).map((c) => html`<option value=${c.cityKey} ?selected=${q.get('city') === c.cityKey}>${cityName(c, lang())} (${c.countryCode})</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="f-kind">${t('home.kind')}</label>
          <select id="f-kind" name="kind">
            <option value="">${t('home.anyKind')}</option>
            ${EVENT_KINDS.map((k) => html`<option value=${k} ?selected=${q.get('kind') === k}>${kindLabel(k)}</option>`)}
          </select>
        </div>
        ${
          lang() === 'fa'
            ? // Persian supporters read and type the Solar Hijri date; the search still sends the ISO day.
              html`<tocsin-solar-datetime dateOnly fieldId="f-from" label=${t('home.from')} .value=${from}
                  @value-changed=${(ev: CustomEvent<string>) => (this.from = ev.detail)}></tocsin-solar-datetime>
                <input type="hidden" name="from" .value=${from} />`
            : html`<div class="field">
                <label for="f-from">${t('home.from')}</label>
                <input id="f-from" name="from" type="date" .value=${q.get('from') ?? ''} />
              </div>`
        }
        <div class="field">
          <label for="f-campaign">${t('home.campaign')}</label>
          <select id="f-campaign" name="campaign">
            <option value="">${t('home.anyCampaign')}</option>
            ${this.campaigns.map((c) => html`<option value=${c.slug} ?selected=${q.get('campaign') === c.slug}>${c.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="f-accessibility">${t('home.accessibility')}</label>
          <select id="f-accessibility" name="accessibility">
            <option value="">${t('home.anyAccessibility')}</option>
            ${ACCESSIBILITY_FEATURES.map((f) => html`<option value=${f} ?selected=${q.get('accessibility') === f}>${accessibilityLabel(f)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="f-language">${t('home.language')}</label>
          <select id="f-language" name="language">
            <option value="">${t('home.anyLanguage')}</option>
            ${FILTER_LANGUAGES.map((l) => html`<option value=${l} ?selected=${q.get('language') === l}>${languageName(l)}</option>`)}
          </select>
        </div>
        <div class="field buttons">
          <button type="submit">${t('home.apply')}</button>
          <button type="button" class="secondary" @click=${this.nearMe}>${t('home.nearMe')}</button>
        </div>
      </form>
      <p class="status" aria-live="polite">${this.locating}</p>
      ${q.get('near') ? html`<p>${t('home.nearActive')} <button type="button" class="link" @click=${this.clearNear}>${t('home.nearClear')}</button></p>` : nothing}
      ${this.cityLink()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <nav class="views" aria-label=${t('home.view')}>
        <a href=${this.href('list')} aria-current=${q.get('view') === 'month' ? 'false' : 'page'}>${t('home.list')}</a>
        <a href=${this.href('month', q.get('month') ?? (q.get('from') || new Date().toISOString()).slice(0, 7))} aria-current=${q.get('view') === 'month' ? 'page' : 'false'}>${t('home.monthView')}</a>
      </nav>
      ${
        q.get('view') === 'month'
          ? html`<tocsin-month-view .filters=${{ ...this.filters(), from: undefined, limit: undefined }}
          month=${/^\d{4}-\d{2}$/.test(q.get('month') ?? '') ? q.get('month')! : new Date().toISOString().slice(0, 7)}
          .monthHref=${(m: string) => this.href('month', m)}></tocsin-month-view>`
          : html`<tocsin-event-list .items=${this.items} ?loading=${this.loading}></tocsin-event-list>`
      }
      ${q.get('view') !== 'month' && this.cursor ? html`<p><button type="button" class="secondary" ?disabled=${this.loading} @click=${() => this.load(true)}>${t('home.more')}</button></p>` : nothing}
    `;
  }

  private cityLink() {
    const key = this.query.get('city');
    if (!key) return nothing;
    return html`<p><a href=${paths.city(key)}>${t('home.cityPage')}</a></p>`;
  }
}
