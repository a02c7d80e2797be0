import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  LightElement,
  fieldError,
  formErrors,
  generalError,
  invalid,
  type FormErrors,
} from '../../shared/light-element';
import { api } from '../../core/api';
import { locale, t, type MessageKey } from '../../core/i18n';
import { formatDate, formatNumber, viewerZone } from '../../core/format';
import { EVENT_KINDS } from '../../core/types';
import type { ImportSource, Webhook, WebhookDelivery } from '../../core/partner-types';

/**
 * "Partners" on an organization's page (OWNERs and ADMINs): calendars imported from partners (add by
 * address, see how the last sync went and which events it could not take), and webhooks (add an endpoint,
 * its signing secret shown once, the delivery log).
 */
@customElement('tocsin-partners-panel')
export class PartnersPanel extends LightElement {
  @property() slug = '';
  @state() private sources: ImportSource[] = [];
  @state() private hooks: Webhook[] = [];
  @state() private secret: { url: string; secret: string } | null = null;
  @state() private log: { id: string; deliveries: WebhookDelivery[] } | null = null;
  @state() private sourceErrors?: FormErrors;
  @state() private hookErrors?: FormErrors;
  @state() private busy = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('slug') && this.slug) void this.load();
  }

  private async load() {
    try {
      [this.sources, this.hooks] = await Promise.all([api.importSources(this.slug), api.webhooks(this.slug)]);
    } catch (e) {
      this.sourceErrors = formErrors(e, t('error.load'));
    }
  }

  private async addSource(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const d = new FormData(form);
    this.busy = true;
    this.sourceErrors = undefined;
    try {
      await api.addImportSource(this.slug, {
        url: String(d.get('url')),
        kind: String(d.get('kind')),
        city: String(d.get('city')),
        countryCode: String(d.get('countryCode')),
        timeZone: String(d.get('timeZone')),
      });
      form.reset();
      await this.load();
    } catch (e) {
      this.sourceErrors = formErrors(e, t('error.save'));
    } finally {
      this.busy = false;
    }
  }

  private async sync(s: ImportSource) {
    try {
      await api.syncImportSource(this.slug, s.id);
    } catch (e) {
      this.sourceErrors = formErrors(e, t('error.save'));
    }
    await this.load();
  }

  private async addHook(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const d = new FormData(form);
    this.busy = true;
    this.hookErrors = undefined;
    try {
      const created = await api.addWebhook(this.slug, { url: String(d.get('url')) });
      this.secret = { url: created.url, secret: created.secret ?? '' };
      form.reset();
      await this.load();
    } catch (e) {
      this.hookErrors = formErrors(e, t('error.save'));
    } finally {
      this.busy = false;
    }
  }

  private async showLog(h: Webhook) {
    try {
      this.log = { id: h.id, deliveries: await api.webhookDeliveries(this.slug, h.id) };
    } catch (e) {
      this.hookErrors = formErrors(e, t('error.load'));
    }
  }

  private date(iso?: string | null) {
    return iso ? formatDate(iso, viewerZone(), locale(), true) : '';
  }

  private source(s: ImportSource) {
    const loc = locale();
    const st = s.status;
    return html`<li class="card import-source">
      <p><strong>${s.name}</strong> <span dir="ltr" class="hint">${s.url ?? ''}</span></p>
      ${
        st
          ? html`<p>${t('partners.lastSync', { date: this.date(st.lastSyncAt) })}</p>
        ${st.error ? html`<p class="error" role="status">${st.error}</p>` : nothing}
        <p>${t('partners.counts', {
          created: formatNumber(st.created, loc),
          updated: formatNumber(st.updated, loc),
          cancelled: formatNumber(st.cancelled, loc),
          refused: formatNumber(st.refused.length, loc),
        })}</p>
        ${
          st.refused.length
            ? html`<details><summary>${t('partners.refused')}</summary><ul class="refused">${st.refused.map(
                (r) => html`<li><span>${r.summary ?? r.uid ?? ''}</span>: ${r.reason}</li>`,
              )}</ul></details>`
            : nothing
        }`
          : nothing
      }
      ${s.url ? html`<button type="button" class="secondary" @click=${() => this.sync(s)}>${t('partners.syncNow')}<span class="visually-hidden"> ${s.name}</span></button>` : nothing}
    </li>`;
  }

  private hook(h: Webhook) {
    const open = this.log?.id === h.id;
    return html`<li class="card webhook">
      <p><span dir="ltr">${h.url}</span>
        ${h.disabledAt ? html`<span class="badge danger">${t('partners.disabled')}</span>` : nothing}</p>
      <button type="button" class="link" aria-expanded=${open ? 'true' : 'false'} @click=${() => (open ? (this.log = null) : this.showLog(h))}>${t('partners.log')}</button>
      ${
        open
          ? this.log!.deliveries.length
            ? html`<table class="deliveries"><thead><tr><th>${t('partners.type')}</th><th>${t('partners.state')}</th><th>${t('partners.attempts')}</th><th>${t('partners.latency')}</th><th>${t('partners.when')}</th></tr></thead>
            <tbody>${this.log!.deliveries.map(
              (
                d,
              ) => html`<tr><td dir="ltr">${d.type}</td><td>${t(`partners.state.${d.state}` as MessageKey)}${d.lastError ? html` (${d.lastError})` : nothing}</td>
              <td>${formatNumber(d.attempts, locale())}</td><td>${d.latencyMillis == null ? '' : t('partners.ms', { n: formatNumber(d.latencyMillis, locale()) })}</td><td>${this.date(d.createdAt)}</td></tr>`,
            )}</tbody></table>`
            : html`<p>${t('partners.noDeliveries')}</p>`
          : nothing
      }
    </li>`;
  }

  render() {
    const s = this.sourceErrors;
    const h = this.hookErrors;
    return html`<section class="partners-panel" aria-labelledby="imports-h">
      <h2 id="imports-h">${t('partners.imports')}</h2>
      <p>${t('partners.importsHelp')}</p>
      <form class="narrow" @submit=${this.addSource} novalidate>
        ${generalError(s)}
        <div class="field"><label for="import-url">${t('partners.url')}</label>
          <input id="import-url" name="url" type="url" dir="ltr" required aria-invalid=${invalid(s, 'url')} />
          ${fieldError(s, 'url', 'import-url-error')}</div>
        <div class="row">
          <div class="field"><label for="import-kind">${t('partners.kind')}</label>
            <select id="import-kind" name="kind">${EVENT_KINDS.map((k) => html`<option value=${k}>${t(`kind.${k}` as MessageKey)}</option>`)}</select></div>
          <div class="field"><label for="import-city">${t('partners.city')}</label>
            <input id="import-city" name="city" required aria-invalid=${invalid(s, 'city')} />
            ${fieldError(s, 'city', 'import-city-error')}</div>
          <div class="field"><label for="import-country">${t('partners.country')}</label>
            <input id="import-country" name="countryCode" maxlength="2" dir="ltr" required aria-invalid=${invalid(s, 'countryCode')} />
            ${fieldError(s, 'countryCode', 'import-country-error')}</div>
          <div class="field"><label for="import-zone">${t('partners.zone')}</label>
            <input id="import-zone" name="timeZone" dir="ltr" required .value=${viewerZone()} aria-invalid=${invalid(s, 'timeZone')} />
            ${fieldError(s, 'timeZone', 'import-zone-error')}</div>
        </div>
        <button type="submit" ?disabled=${this.busy}>${t('partners.addSource')}</button>
      </form>
      ${this.sources.length ? html`<ul class="import-sources">${this.sources.map((x) => this.source(x))}</ul>` : html`<p>${t('partners.noSources')}</p>`}

      <h2 id="webhooks-h">${t('partners.webhooks')}</h2>
      <p>${t('partners.webhooksHelp')}</p>
      <form class="narrow" @submit=${this.addHook} novalidate>
        ${generalError(h)}
        <div class="field"><label for="webhook-url">${t('partners.webhookUrl')}</label>
          <input id="webhook-url" name="url" type="url" dir="ltr" required aria-invalid=${invalid(h, 'url')} />
          ${fieldError(h, 'url', 'webhook-url-error')}</div>
        <button type="submit" ?disabled=${this.busy}>${t('partners.addWebhook')}</button>
      </form>
      ${
        this.secret
          ? html`<div class="card webhook-secret">
        <p class="warning">${t('partners.secretOnce')}</p>
        <label for="webhook-secret">${t('partners.secret')}</label>
        <input id="webhook-secret" type="text" readonly dir="ltr" .value=${this.secret.secret} />
      </div>`
          : nothing
      }
      ${this.hooks.length ? html`<ul class="webhooks">${this.hooks.map((x) => this.hook(x))}</ul>` : html`<p>${t('partners.noWebhooks')}</p>`}
    </section>`;
  }
}
