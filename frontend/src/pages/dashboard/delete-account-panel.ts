import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import { navigate, paths } from '../../core/router';
import { sessionChanged } from '../../core/session';
import type { DeletionBlocker, DeletionPreview } from '../../core/types';
import { passkeyOffered, reconfirmMethods, secondFactorAnswer } from '../../core/reconfirm';
import { reconfirmFields } from '../../shared/reconfirm-fields';

/**
 * "Delete my account": first what will happen, in plain words (GET /api/v1/me/deletion), then the password and,
 * with two-factor sign-in, a code or (its code left empty, or without an app) one of the account's passkeys. Organizations the person alone owns are listed first: each blocks the deletion
 * until it is settled, by making another member OWNER here, or by choosing to delete it with the account (what
 * that removes is counted next to it).
 */
@customElement('tocsin-delete-account-panel')
export class DeleteAccountPanel extends LightElement {
  @state() private preview?: DeletionPreview;
  @state() private errors?: FormErrors;
  @state() private busy = false;
  /** Slugs of the organizations to delete with the account. */
  @state() private toDelete = new Set<string>();

  private async show() {
    this.errors = undefined;
    try {
      this.preview = await api.deletionPreview();
    } catch (e) {
      this.errors = formErrors(e, t('error.load'));
    }
  }

  private async submit(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    this.errors = undefined;
    try {
      const methods = this.preview ? reconfirmMethods(this.preview) : [];
      const answer = await secondFactorAnswer(String(d.get('code') ?? ''), passkeyOffered(methods));
      await api.deleteAccount(
        String(d.get('password') ?? ''),
        answer,
        [...this.toDelete].filter((slug) => this.preview?.blockers.some((b) => b.slug === slug)),
      );
      api.resetCsrf();
      sessionChanged();
      navigate('/?deleted=1');
    } catch (e) {
      this.errors =
        e instanceof DOMException
          ? { fields: {}, general: t('reconfirm.cancelled') }
          : formErrors(e, t('deletion.failed'));
      await this.show();
    } finally {
      this.busy = false;
    }
  }

  private async handOn(b: DeletionBlocker, ev: Event) {
    ev.preventDefault();
    const userId = String(new FormData(ev.target as HTMLFormElement).get('successor') ?? '');
    if (!userId) return;
    this.busy = true;
    this.errors = undefined;
    try {
      await api.setRole(b.slug, userId, 'OWNER');
      await this.show();
    } catch (e) {
      this.errors = formErrors(e, t('deletion.handOnFailed'));
    } finally {
      this.busy = false;
    }
  }

  private choose(slug: string, remove: boolean) {
    const next = new Set(this.toDelete);
    if (remove) next.add(slug);
    else next.delete(slug);
    this.toDelete = next;
  }

  private blocker(b: DeletionBlocker) {
    const counts = b.deletes ?? {};
    return html`<li>
      <a href=${paths.orgAdmin(b.slug)} dir="auto">${b.name}</a>: ${t(
        b.reason === 'only-member' ? 'deletion.onlyMember' : 'deletion.onlyOwner',
      )}
      ${
        b.handOnTo?.length
          ? html`<form class="inline" @submit=${(ev: Event) => this.handOn(b, ev)}>
            <label for="successor-${b.slug}">${t('deletion.handOnTo')}</label>
            <select id="successor-${b.slug}" name="successor">
              ${b.handOnTo.map((m) => html`<option value=${m.userId}>${m.displayName}</option>`)}
            </select>
            <button type="submit" class="secondary" ?disabled=${this.busy}>${t('deletion.makeOwner')}</button>
          </form>`
          : nothing
      }
      <label class="check">
        <input
          type="checkbox"
          name="delete-${b.slug}"
          .checked=${this.toDelete.has(b.slug)}
          @change=${(ev: Event) => this.choose(b.slug, (ev.target as HTMLInputElement).checked)}
        />
        ${t('deletion.deleteWith', {
          events: counts.events ?? 0,
          rsvps: counts.rsvps ?? 0,
          members: counts.members ?? 0,
        })}
      </label>
    </li>`;
  }

  private what(p: DeletionPreview) {
    const rsvps = p.parts.rsvps?.details[0] ?? { upcoming: 0, past: 0 };
    const memberships = p.parts.memberships?.details ?? [];
    return html`<ul class="deletion-preview">
      <li>${t('deletion.memberships', { count: memberships.length })}
        ${
          memberships.length
            ? html`<ul>${memberships.map((m) => html`<li>${m.organizationName} (${t(`role.${m.role}` as MessageKey)})</li>`)}</ul>`
            : nothing
        }
      </li>
      <li>${t('deletion.rsvpsPast', { count: rsvps.past })}</li>
      <li>${t('deletion.rsvpsUpcoming', { count: rsvps.upcoming })}</li>
      <li>${t('deletion.credentials', { tokens: p.apiTokens, sessions: p.sessions })}</li>
      <li>${t('deletion.account')}</li>
    </ul>`;
  }

  render() {
    const p = this.preview;
    return html`<section aria-labelledby="deletion-h">
      <h2 id="deletion-h">${t('deletion.title')}</h2>
      <p>${t('deletion.help')}</p>
      ${generalError(this.errors)}
      ${
        !p
          ? html`<button type="button" class="secondary" @click=${this.show}>${t('deletion.preview')}</button>`
          : html`<h3>${t('deletion.whatHappens')}</h3>
            ${this.what(p)}
            ${
              p.blockers.length
                ? html`<div class="error" role="alert">
                  <p>${t('deletion.blocked')}</p>
                  <ul>${p.blockers.map((b) => this.blocker(b))}</ul>
                </div>`
                : nothing
            }
            ${
              p.blockers.some((b) => !this.toDelete.has(b.slug))
                ? nothing
                : html`<form class="narrow" @submit=${this.submit} novalidate>
                  <div class="field">
                    <label for="deletion-password">${t('account.password')}</label>
                    <input id="deletion-password" name="password" type="password" autocomplete="current-password" required />
                  </div>
                  ${reconfirmFields('deletion', reconfirmMethods(p))}
                  <button type="submit" class="danger" ?disabled=${this.busy}>${t('deletion.confirm')}</button>
                </form>`
            }`
      }
    </section>`;
  }
}
