import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import { navigate } from '../../core/router';
import type { OrganizationDeletionPreview } from '../../core/types';
import { passkeyOffered, reconfirmMethods, secondFactorAnswer } from '../../core/reconfirm';
import { reconfirmFields } from '../../shared/reconfirm-fields';

/** The parts the preview counts, in the order they are shown; a part the server adds later is shown by its name. */
const PARTS = [
  'members',
  'invitations',
  'events',
  'rsvps',
  'campaigns',
  'submissions',
  'webhooks',
  'importSources',
  'bulkImports',
  'memberFeeds',
  'reports',
];

/**
 * The organization settings' danger zone, for its OWNERs: what deleting the organization removes, counted
 * (GET /api/v1/organizations/{slug}/deletion), then the password and, with two-factor sign-in, a code or (its code
 * left empty, or without an app) one of the account's passkeys.
 */
@customElement('tocsin-delete-organization-panel')
export class DeleteOrganizationPanel extends LightElement {
  @property() slug = '';
  @state() private preview?: OrganizationDeletionPreview;
  @state() private errors?: FormErrors;
  @state() private busy = false;

  private async show() {
    this.errors = undefined;
    try {
      this.preview = await api.organizationDeletionPreview(this.slug);
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
      await api.deleteOrganization(this.slug, String(d.get('password') ?? ''), answer);
      navigate('/dashboard');
    } catch (e) {
      this.errors =
        e instanceof DOMException
          ? { fields: {}, general: t('reconfirm.cancelled') }
          : formErrors(e, t('orgDeletion.failed'));
    } finally {
      this.busy = false;
    }
  }

  private counts(p: OrganizationDeletionPreview) {
    const names = [...PARTS.filter((k) => k in p.counts), ...Object.keys(p.counts).filter((k) => !PARTS.includes(k))];
    return html`<ul class="deletion-preview">
      ${names.map((k) =>
        PARTS.includes(k)
          ? html`<li>${t(`orgDeletion.count.${k}` as MessageKey, { count: p.counts[k] })}</li>`
          : html`<li dir="ltr">${k}: ${p.counts[k]}</li>`,
      )}
    </ul>`;
  }

  render() {
    const p = this.preview;
    return html`<section class="danger-zone" aria-labelledby="org-deletion-h">
      <h2 id="org-deletion-h">${t('orgDeletion.title')}</h2>
      <p>${t('orgDeletion.help')}</p>
      ${generalError(this.errors)}
      ${
        !p
          ? html`<button type="button" class="secondary" @click=${this.show}>${t('orgDeletion.preview')}</button>`
          : html`<h3>${t('orgDeletion.whatHappens', { name: p.name })}</h3>
            ${this.counts(p)}
            <form class="narrow" @submit=${this.submit} novalidate>
              <div class="field">
                <label for="org-deletion-password">${t('account.password')}</label>
                <input id="org-deletion-password" name="password" type="password" autocomplete="current-password" required />
              </div>
              ${reconfirmFields('org-deletion', reconfirmMethods(p))}
              <button type="submit" class="danger" ?disabled=${this.busy}>${t('orgDeletion.confirm')}</button>
            </form>`
      }
    </section>`;
  }
}
