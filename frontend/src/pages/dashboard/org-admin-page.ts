import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  LightElement,
  fieldError,
  formErrors,
  generalError,
  invalid,
  type FormErrors,
} from '../../shared/light-element';
import { api, ApiError } from '../../core/api';
import { locale, t, type MessageKey } from '../../core/i18n';
import { formatWhen } from '../../core/format';
import { paths } from '../../core/router';
import './invite-panel';
import './my-submissions';
import './cohost-invitations';
import './partners-panel';
import './event-import-panel';
import './delete-organization-panel';
import { ROLES, type EventView, type Member, type Organization, type Role } from '../../core/types';

const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, ORGANIZER: 2, MEMBER: 1 };

/** /dashboard/organizations/{slug}: the organization's events (edit, cancel) and its members and roles. */
@customElement('tocsin-org-admin-page')
export class OrgAdminPage extends LightElement {
  @property() slug = '';
  @state() private org: Organization | null = null;
  @state() private events: EventView[] = [];
  @state() private members: Member[] = [];
  @state() private message = '';
  @state() private error = '';
  @state() private privateFeed: { url: string; webcal: string } | null = null;
  @state() private campaignErrors?: FormErrors;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('slug')) void this.load();
  }

  private async load() {
    try {
      this.org = await api.organization(this.slug);
      const [page, members] = await Promise.all([
        api.events({ organization: this.slug, limit: 100 }),
        api.members(this.slug).catch(() => [] as Member[]),
      ]);
      // A series appears once per occurrence; the dashboard lists each event once.
      const seen = new Set<string>();
      this.events = page.items.filter((e) => !seen.has(e.id) && seen.add(e.id));
      this.members = members;
    } catch {
      this.error = t('error.load');
    }
  }

  private async cancel(e: EventView) {
    const reason = prompt(t('dashboard.cancelReason'));
    if (reason === null) return;
    try {
      await api.cancelEvent(e.id, reason || undefined);
      this.message = t('dashboard.cancelledEvent', { title: e.title });
      await this.load();
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : t('error.save');
    }
  }

  /** A private feed of the organization (members-only events too); the URL is the credential, shown once. */
  private async makePrivateFeed() {
    if (this.privateFeed && !confirm(t('dashboard.privateFeedReplace'))) return;
    try {
      this.privateFeed = await api.post<{ url: string; webcal: string }>(
        `/api/v1/organizations/${encodeURIComponent(this.slug)}/feed-token`,
      );
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : t('error.save');
    }
  }

  private async reinstate(e: EventView) {
    try {
      await api.reinstateEvent(e.id);
      this.message = t('dashboard.reinstated', { title: e.title });
      await this.load();
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : t('error.save');
    }
  }

  private async createCampaign(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const d = new FormData(form);
    const value = (k: string) => String(d.get(k) ?? '').trim();
    const body: Record<string, string> = { organization: this.slug, name: value('name'), slug: value('slug') };
    for (const k of ['description', 'startsOn', 'endsOn']) if (value(k)) body[k] = value(k);
    this.campaignErrors = undefined;
    try {
      const c = await api.post<{ slug: string; name: string }>('/api/v1/campaigns', body);
      this.message = t('dashboard.campaignCreated', { name: c.name });
      form.reset();
    } catch (err) {
      this.campaignErrors = formErrors(err, t('error.save'));
      if (err instanceof ApiError && err.problem.type === '/problems/slug-taken')
        this.campaignErrors = { fields: { slug: t('dashboard.slugTaken') } };
    }
  }

  private campaignField(name: string, label: string, type = 'text', hint?: string) {
    const e = this.campaignErrors;
    const id = `campaign-${name}`;
    const describedBy = [hint ? `${id}-hint` : '', e?.fields[name] ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field"><label for=${id}>${label}</label>
      <input id=${id} name=${name} type=${type} dir=${ifDefined(name === 'slug' ? 'ltr' : undefined)} aria-invalid=${invalid(e, name)}
        aria-describedby=${ifDefined(describedBy || undefined)} />
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${fieldError(e, name, `${id}-error`)}</div>`;
  }

  private async setRole(m: Member, role: string) {
    try {
      await api.setRole(this.slug, m.userId, role);
      this.message = t('dashboard.roleChanged', { name: m.displayName });
      await this.load();
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : t('error.save');
    }
  }

  private async removeMember(m: Member) {
    if (!confirm(t('dashboard.confirmRemove', { name: m.displayName }))) return;
    try {
      await api.removeMember(this.slug, m.userId);
      await this.load();
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : t('error.save');
    }
  }

  render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const org = this.org;
    if (!org) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    document.title = `${org.name} · Tocsin`;
    const mine = org.myRole ? RANK[org.myRole] : 0;
    const canEdit = mine >= RANK.ORGANIZER;
    const canManage = mine >= RANK.ADMIN;
    const loc = locale();
    return html`
      <p><a href="/dashboard">${t('dashboard.title')}</a></p>
      <h1 dir="auto">${org.name}</h1>
      <p><a href=${paths.organization(org.slug)}>${t('dashboard.publicPage')}</a></p>
      <p class="status" aria-live="polite">${this.message}</p>
      <section aria-labelledby="events-h">
        <h2 id="events-h">${t('dashboard.events')}</h2>
        ${canEdit ? html`<p><a class="button" href=${paths.newEvent(org.slug)}>${t('dashboard.newEvent')}</a></p>` : nothing}
        ${
          this.events.length
            ? html`<table>
          <thead><tr><th scope="col">${t('editor.title')}</th><th scope="col">${t('event.when')}</th><th scope="col">${t('dashboard.status')}</th><th scope="col"><span class="visually-hidden">${t('dashboard.actions')}</span></th></tr></thead>
          <tbody>${this.events.map(
            (e) => html`<tr>
            <td dir="auto"><a href=${paths.event(e.id)}>${e.title}</a></td>
            <td>${formatWhen(e.startUtc, e.endUtc, e.timeZone, loc).local}</td>
            <td>${t(`status.${e.status}` as MessageKey)}</td>
            <td>${
              canEdit
                ? html`<a href=${paths.editEvent(e.id)}>${t('dashboard.edit')}<span class="visually-hidden"> ${e.title}</span></a>
              <a href=${paths.eventRsvps(e.id)}>${t('rsvps.title')}<span class="visually-hidden"> ${e.title}</span></a>
              ${
                e.status !== 'CANCELLED'
                  ? html`<button type="button" class="link danger" @click=${() => this.cancel(e)}>${t('dashboard.cancel')}<span class="visually-hidden"> ${e.title}</span></button>`
                  : html`<button type="button" class="link" @click=${() => this.reinstate(e)}>${t('dashboard.reinstate')}<span class="visually-hidden"> ${e.title}</span></button>`
              }`
                : nothing
            }</td>
          </tr>`,
          )}</tbody></table>`
            : html`<p>${t('events.none')}</p>`
        }
      </section>
      ${
        canEdit
          ? html`<section aria-labelledby="campaign-h">
        <h2 id="campaign-h">${t('dashboard.newCampaign')}</h2>
        <p>${t('dashboard.campaignHelp')}</p>
        <form class="narrow" @submit=${this.createCampaign} novalidate>
          ${generalError(this.campaignErrors)}
          ${this.campaignField('name', t('dashboard.orgName'))}
          ${this.campaignField('slug', t('dashboard.campaignSlug'), 'text', t('dashboard.orgSlugHint'))}
          ${this.campaignField('description', t('dashboard.orgDescription'))}
          <div class="row">
            ${this.campaignField('startsOn', t('dashboard.startsOn'), 'date')}
            ${this.campaignField('endsOn', t('dashboard.endsOn'), 'date')}
          </div>
          <button type="submit">${t('dashboard.createCampaign')}</button>
        </form>
      </section>`
          : nothing
      }
      <section aria-labelledby="private-feed-h">
        <h2 id="private-feed-h">${t('dashboard.privateFeed')}</h2>
        <p>${t('dashboard.privateFeedHelp')}</p>
        ${
          this.privateFeed
            ? html`<p><a href=${this.privateFeed.webcal}>${t('subscribe.webcal')}</a></p>
          <label for="private-feed-url">${t('subscribe.url')}</label>
          <input id="private-feed-url" readonly dir="ltr" .value=${this.privateFeed.url} />`
            : nothing
        }
        <p><button type="button" class="secondary" @click=${this.makePrivateFeed}>${t('dashboard.privateFeedMake')}</button></p>
      </section>
      <section aria-labelledby="members-h">
        <h2 id="members-h">${t('dashboard.members')}</h2>
        <ul class="members">${this.members.map(
          (m) => html`<li>
          <span>${m.displayName}</span>
          ${
            canManage && RANK[m.role] <= mine
              ? html`
            <label class="visually-hidden" for="role-${m.userId}">${t('dashboard.roleOf', { name: m.displayName })}</label>
            <select id="role-${m.userId}" @change=${(ev: Event) => this.setRole(m, (ev.target as HTMLSelectElement).value)}>
              ${ROLES.filter((r) => RANK[r] <= mine).map((r) => html`<option value=${r} ?selected=${r === m.role}>${t(`role.${r}` as MessageKey)}</option>`)}
            </select>
            <button type="button" class="link danger" @click=${() => this.removeMember(m)}>${t('dashboard.remove')}<span class="visually-hidden"> ${m.displayName}</span></button>`
              : html`<span class="badge">${t(`role.${m.role}` as MessageKey)}</span>`
          }
        </li>`,
        )}</ul>
        <p class="hint">${t('dashboard.membersHint')}</p>
      </section>
      ${canEdit ? html`<tocsin-cohost-invitations slug=${org.slug}></tocsin-cohost-invitations>` : nothing}
      ${canEdit ? html`<tocsin-my-submissions slug=${org.slug}></tocsin-my-submissions>` : nothing}
      ${canEdit ? html`<tocsin-event-import-panel slug=${org.slug}></tocsin-event-import-panel>` : nothing}
      ${canManage && org.myRole ? html`<tocsin-invite-panel slug=${org.slug} my-role=${org.myRole}></tocsin-invite-panel>` : nothing}
      ${canManage ? html`<tocsin-partners-panel slug=${org.slug}></tocsin-partners-panel>` : nothing}
      ${org.myRole === 'OWNER' ? html`<tocsin-delete-organization-panel slug=${org.slug}></tocsin-delete-organization-panel>` : nothing}`;
  }
}
