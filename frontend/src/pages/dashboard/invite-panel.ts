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
import { formatCount, formatDate, formatNumber, parseCount, viewerZone } from '../../core/format';
import { ROLES, type CreatedInvitation, type Invitation, type Role } from '../../core/types';

const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, ORGANIZER: 2, MEMBER: 1 };
const EXPIRY_DAYS = [1, 7, 30];

/**
 * "Invite people" on an organization's members page (OWNERs and ADMINs): makes an invitation link for a role no
 * higher than one's own, shows it once with a copy button (only its hash is stored), and lists the open links
 * with Revoke. No email or user id is ever asked for, so nobody can test whether someone has an account.
 */
@customElement('tocsin-invite-panel')
export class InvitePanel extends LightElement {
  @property() slug = '';
  /** The viewer's own role (not `role`, which is an ARIA attribute). */
  @property({ attribute: 'my-role' }) myRole: Role = 'MEMBER';
  @state() private open: Invitation[] = [];
  @state() private created: CreatedInvitation | null = null;
  @state() private errors?: FormErrors;
  @state() private message = '';
  @state() private busy = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('slug') && this.slug) void this.load();
  }

  private async load() {
    try {
      this.open = await api.invitations(this.slug);
    } catch (e) {
      this.errors = formErrors(e, t('error.load'));
    }
  }

  private async create(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    this.errors = undefined;
    this.message = '';
    try {
      this.created = await api.createInvitation(this.slug, {
        role: String(d.get('role')),
        expiresInDays: Number(d.get('expiresInDays')),
        // Typed in any digits; what is no whole number goes as typed, for the server to refuse naming the field.
        maxUses: parseCount(String(d.get('maxUses') ?? '')) as number,
      });
      await this.load();
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    } finally {
      this.busy = false;
    }
  }

  private async revoke(i: Invitation) {
    if (!confirm(t('invite.confirmRevoke'))) return;
    try {
      await api.revokeInvitation(this.slug, i.id);
      if (this.created?.id === i.id) this.created = null;
      this.message = t('invite.revoked');
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    }
    await this.load();
  }

  private async copy() {
    const url = this.created?.url ?? '';
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      this.querySelector<HTMLInputElement>('#invite-url')?.select();
      document.execCommand?.('copy');
    }
    this.message = t('subscribe.copied');
  }

  private date(iso: string) {
    return formatDate(iso, viewerZone(), locale(), true);
  }

  render() {
    const mine = RANK[this.myRole] ?? 0;
    const loc = locale();
    const e = this.errors;
    return html`<section class="invite-panel" aria-labelledby="invite-h">
      <h2 id="invite-h">${t('invite.title')}</h2>
      <p>${t('invite.help')}</p>
      <form class="narrow" @submit=${this.create} novalidate>
        ${generalError(e)}
        <div class="row">
          <div class="field"><label for="invite-role">${t('invite.role')}</label>
            <select id="invite-role" name="role" aria-invalid=${invalid(e, 'role')}>
              ${ROLES.filter((r) => RANK[r] <= mine).map((r) => html`<option value=${r} ?selected=${r === 'MEMBER'}>${t(`role.${r}` as MessageKey)}</option>`)}
            </select>
            ${fieldError(e, 'role', 'invite-role-error')}</div>
          <div class="field"><label for="invite-expiry">${t('invite.expiry')}</label>
            <select id="invite-expiry" name="expiresInDays" aria-invalid=${invalid(e, 'expiresInDays')}>
              ${EXPIRY_DAYS.map((n) => html`<option value=${n} ?selected=${n === 7}>${t('invite.days', { n: formatNumber(n, loc) })}</option>`)}
            </select>
            ${fieldError(e, 'expiresInDays', 'invite-expiry-error')}</div>
          <div class="field"><label for="invite-uses">${t('invite.uses')}</label>
            <input id="invite-uses" name="maxUses" type="text" inputmode="numeric" maxlength="3" dir="ltr"
              value=${formatCount(1, loc)} aria-invalid=${invalid(e, 'maxUses')}
              aria-describedby="invite-uses-hint" />
            <p class="hint" id="invite-uses-hint">${t('invite.usesHint')}</p>
            ${fieldError(e, 'maxUses', 'invite-uses-error')}</div>
        </div>
        <button type="submit" ?disabled=${this.busy}>${t('invite.create')}</button>
      </form>
      ${
        this.created
          ? html`<div class="card invite-created">
        <p><strong>${t('invite.created', { role: t(`role.${this.created.role}` as MessageKey) })}</strong></p>
        <p class="warning">${t('invite.once')}</p>
        <label for="invite-url">${t('invite.link')}</label>
        <div class="copy-row">
          <input id="invite-url" class="invite-url" type="text" readonly dir="ltr" .value=${this.created.url} />
          <button type="button" @click=${this.copy}>${t('subscribe.copy')}</button>
        </div>
      </div>`
          : nothing
      }
      <p class="status" aria-live="polite">${this.message}</p>
      <h3>${t('invite.open')}</h3>
      ${
        this.open.length
          ? html`<ul class="invitations">${this.open.map(
              (i) => html`<li>
        <span>${t(`role.${i.role}` as MessageKey)}</span>
        <span>${t('invite.usesOf', { uses: formatNumber(i.uses, loc), max: formatNumber(i.maxUses, loc) })}</span>
        <span>${t('invite.until', { date: this.date(i.expiresAt) })}</span>
        <button type="button" class="link danger" @click=${() => this.revoke(i)}>${t('invite.revoke')}<span class="visually-hidden"> ${t(`role.${i.role}` as MessageKey)}, ${this.date(i.expiresAt)}</span></button>
      </li>`,
            )}</ul>`
          : html`<p>${t('invite.none')}</p>`
      }
    </section>`;
  }
}
