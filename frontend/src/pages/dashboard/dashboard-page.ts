import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  LightElement,
  fieldError,
  formErrors,
  generalError,
  invalid,
  type FormErrors,
} from '../../shared/light-element';
import { api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import { navigate, paths } from '../../core/router';
import { currentUser } from '../../core/session';
import type { PersonalFeed } from './personal-feed';
import './personal-feed';
import './password-panel';
import './two-factor-panel';
import './passkeys-panel';
import './sessions-panel';
import './delete-account-panel';
import '../../shared/offline-copies';
import '../account/verify-email-page';
import type { Me, Organization } from '../../core/types';

/** /dashboard: my organizations, and a new one. */
@customElement('tocsin-dashboard-page')
export class DashboardPage extends LightElement {
  @state() private me: Me | null = null;
  @state() private orgs: Organization[] | null = null;
  @state() private errors?: FormErrors;
  @state() private busy = false;

  async connectedCallback() {
    super.connectedCallback();
    // Fresh, not the cached answer: a link confirmed in another tab ends the banner. The banner and "My calendar"
    // take it from here, so the page paints whole and the organization links do not move under the pointer.
    this.me = await currentUser(true);
    if (!this.me) {
      navigate('/signin?next=/dashboard', true);
      return;
    }
    this.orgs = await api.myOrganizations().catch(() => []);
  }

  private async create(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    const slug = String(d.get('slug') ?? '').trim();
    const description = String(d.get('description') ?? '').trim();
    this.busy = true;
    this.errors = undefined;
    try {
      const org = await api.createOrganization({
        name: String(d.get('name') ?? '').trim(),
        ...(slug ? { slug } : {}),
        ...(description ? { description } : {}),
      });
      navigate(paths.orgAdmin(org.slug));
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
      if ((e as { problem?: { type?: string } }).problem?.type === '/problems/slug-taken')
        this.errors = { fields: { slug: t('dashboard.slugTaken') } };
    } finally {
      this.busy = false;
    }
  }

  render() {
    document.title = `${t('dashboard.title')} · Tocsin`;
    if (!this.me || !this.orgs) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    const e = this.errors;
    return html`
      <h1>${t('dashboard.title')}</h1>
      <p>${t('dashboard.hello', { name: this.me.displayName })}</p>
      <tocsin-verify-banner .me=${this.me}></tocsin-verify-banner>
      <tocsin-personal-feed .me=${this.me}></tocsin-personal-feed>
      <section aria-labelledby="orgs-h">
        <h2 id="orgs-h">${t('dashboard.myOrganizations')}</h2>
        ${
          this.orgs.length
            ? html`<ul class="org-list">${this.orgs.map(
                (o) => html`<li>
            <a href=${paths.orgAdmin(o.slug)}>${o.name}</a> <span class="badge">${o.myRole ? t(`role.${o.myRole}` as MessageKey) : ''}</span>
          </li>`,
              )}</ul>`
            : html`<p>${t('dashboard.noOrganizations')}</p>`
        }
      </section>
      <section aria-labelledby="new-org-h">
        <h2 id="new-org-h">${t('dashboard.newOrganization')}</h2>
        <form class="narrow" @submit=${this.create} novalidate>
          ${generalError(e)}
          <div class="field">
            <label for="org-name">${t('dashboard.orgName')}</label>
            <input id="org-name" name="name" required maxlength="120" aria-invalid=${invalid(e, 'name')}
              aria-describedby=${ifDefined(e?.fields.name ? 'org-name-error' : undefined)} />
            ${fieldError(e, 'name', 'org-name-error')}
          </div>
          <div class="field">
            <label for="org-slug">${t('dashboard.orgSlug')}</label>
            <input id="org-slug" name="slug" pattern="[a-z0-9-]*" dir="ltr" aria-invalid=${invalid(e, 'slug')}
              aria-describedby="org-slug-hint${e?.fields.slug ? ' org-slug-error' : ''}" />
            <p class="hint" id="org-slug-hint">${t('dashboard.orgSlugHint')}</p>
            ${fieldError(e, 'slug', 'org-slug-error')}
          </div>
          <div class="field">
            <label for="org-description">${t('dashboard.orgDescription')}</label>
            <textarea id="org-description" name="description" rows="3"></textarea>
            ${fieldError(e, 'description', 'org-description-error')}
          </div>
          <button type="submit" ?disabled=${this.busy}>${t('dashboard.create')}</button>
        </form>
      </section>
      <tocsin-password-panel @credentials-revoked=${() => this.querySelector<PersonalFeed>('tocsin-personal-feed')?.reload()}></tocsin-password-panel>
      <tocsin-two-factor-panel></tocsin-two-factor-panel>
      <tocsin-passkeys-panel></tocsin-passkeys-panel>
      <tocsin-sessions-panel></tocsin-sessions-panel>
      <tocsin-offline-copies></tocsin-offline-copies>
      <tocsin-delete-account-panel></tocsin-delete-account-panel>`;
  }
}
