import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { ApiError, api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import { currentUser } from '../../core/session';
import { paths } from '../../core/router';
import type { CampaignCall, EventView, Organization, Submission } from '../../core/types';

const ORGANIZER_ROLES = ['OWNER', 'ADMIN', 'ORGANIZER'];

/**
 * <tocsin-host-action slug>: a campaign's call to host an action, and for a signed-in organizer the
 * form that offers one of their organization's public events to it. The campaign's organizers approve
 * it before it shows on the campaign's page; partners are approved at once.
 */
@customElement('tocsin-host-action')
export class HostAction extends LightElement {
  @property() slug = '';
  @state() private call: CampaignCall | null = null;
  @state() private orgs: Organization[] = [];
  @state() private org = '';
  @state() private events: EventView[] = [];
  @state() private sent: Submission | null = null;
  @state() private error = '';
  @state() private busy = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('slug') || !this.slug) return;
    void this.load();
  }

  /** Reads the call again (its organizers just changed it on this page). */
  reload() {
    return this.load();
  }

  private async load() {
    this.call = await api.campaignCall(this.slug).catch(() => null);
    if (!this.call?.open) return;
    const me = await currentUser();
    if (!me) return;
    const orgs = await api.myOrganizations().catch(() => []);
    this.orgs = orgs.filter((o) => o.myRole && ORGANIZER_ROLES.includes(o.myRole));
    if (this.orgs.length) await this.pick(this.orgs[0].slug);
  }

  private async pick(org: string) {
    this.org = org;
    const page = await api
      .events({ organization: org, from: this.call?.acceptsFrom ?? undefined, limit: 100 })
      .catch(() => ({ items: [] as EventView[] }));
    const to = this.call?.acceptsTo;
    // Only what the call can take: a public event in its dates, in no campaign yet.
    this.events = page.items.filter(
      (e) => e.visibility === 'PUBLIC' && !e.campaign && (!to || e.start.slice(0, 10) <= to),
    );
  }

  private async submit(ev: Event) {
    ev.preventDefault();
    const id = String(new FormData(ev.target as HTMLFormElement).get('event') ?? '');
    if (!id) return;
    this.busy = true;
    this.error = '';
    try {
      this.sent = await api.submitToCampaign(this.slug, id);
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : t('error.save');
    } finally {
      this.busy = false;
    }
  }

  render() {
    const c = this.call;
    if (!c || (!c.open && !c.instructions)) return nothing;
    return html`<section aria-labelledby="host-h" class="host-action">
      <h2 id="host-h">${t('host.heading')}</h2>
      ${c.acceptsFrom && c.acceptsTo ? html`<p>${t('host.accepts', { from: c.acceptsFrom, to: c.acceptsTo })}</p>` : nothing}
      ${c.instructionsHtml ? html`<div class="description" dir="auto" .innerHTML=${c.instructionsHtml}></div>` : nothing}
      ${
        c.materials.length
          ? html`<h3>${t('host.materials')}</h3>
            <ul>${c.materials.map((m) => html`<li><a href=${m.url} rel="noopener noreferrer nofollow">${m.title}</a></li>`)}</ul>`
          : nothing
      }
      ${c.template ? html`<details><summary>${t('host.template')}</summary><pre dir="auto">${c.template}</pre></details>` : nothing}
      ${c.open ? this.form() : html`<p>${t('host.closed')}</p>`}
    </section>`;
  }

  private form() {
    if (this.sent) return html`<p role="status">${t(`host.sent.${this.sent.state}` as MessageKey)}</p>`;
    if (!this.orgs.length) return html`<p>${t('host.signIn')}</p>`;
    return html`<form @submit=${this.submit}>
      <label for="host-org">${t('host.organization')}</label>
      <select id="host-org" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
        ${this.orgs.map((o) => html`<option value=${o.slug} ?selected=${o.slug === this.org}>${o.name}</option>`)}
      </select>
      ${
        this.events.length
          ? html`<label for="host-event">${t('host.event')}</label>
            <select id="host-event" name="event">
              ${this.events.map((e) => html`<option value=${e.id}>${e.title} · ${e.start.slice(0, 10)}</option>`)}
            </select>
            <button type="submit" ?disabled=${this.busy}>${t('host.submit')}</button>`
          : html`<p>${t('host.noEvents')}</p>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.call?.template
          ? html`<p><a href=${`${paths.newEvent(this.org)}?campaign=${encodeURIComponent(this.slug)}`}>${t('host.fromTemplate')}</a></p>`
          : nothing
      }
    </form>`;
  }
}
