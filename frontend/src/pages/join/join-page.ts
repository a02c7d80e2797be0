import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api, ApiError } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import { navigate, paths } from '../../core/router';
import { currentUser, sessionChanged } from '../../core/session';
import type { InvitationPreview, Me } from '../../core/types';

/**
 * /join/{token}: an invitation link. Shows where it leads; someone not signed in signs in or registers first and
 * comes back here (next=); Accept joins and opens the organization's dashboard.
 */
@customElement('tocsin-join-page')
export class JoinPage extends LightElement {
  @property() token = '';
  @state() private invitation: InvitationPreview | null = null;
  @state() private me: Me | null = null;
  @state() private error = '';
  @state() private busy = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('token')) void this.load();
  }

  private async load() {
    this.error = '';
    try {
      const [invitation, me] = await Promise.all([api.invitation(this.token), currentUser()]);
      this.invitation = invitation;
      this.me = me;
    } catch (e) {
      this.error = e instanceof ApiError && e.status === 404 ? t('join.unknown') : t('error.load');
    }
  }

  private async accept() {
    this.busy = true;
    this.error = '';
    try {
      const joined = await api.acceptInvitation(this.token);
      sessionChanged();
      navigate(paths.orgAdmin(joined.organization.slug));
    } catch (e) {
      this.error =
        e instanceof ApiError && e.status === 404
          ? t('join.unknown')
          : e instanceof ApiError && e.message
            ? e.message
            : t('error.save');
    } finally {
      this.busy = false;
    }
  }

  render() {
    document.title = `${t('join.title')} · Tocsin`;
    const i = this.invitation;
    if (!i) {
      return this.error
        ? html`<h1>${t('join.title')}</h1><p class="error" role="alert">${this.error}</p>`
        : html`<p aria-live="polite">${t('common.loading')}</p>`;
    }
    const next = encodeURIComponent(paths.join(this.token));
    return html`<h1 dir="auto">${t('join.heading', { org: i.organization.name, role: t(`role.${i.role}` as MessageKey) })}</h1>
      <p>${t('join.help')}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.me
          ? html`<p>${t('join.as', { name: this.me.displayName })}</p>
        <p class="actions"><button type="button" class="accept-invitation" ?disabled=${this.busy} @click=${this.accept}>${t('join.accept')}</button></p>`
          : html`<p>${t('join.signInFirst')}</p>
        <p class="actions"><a class="button" href="/signin?next=${next}">${t('nav.signIn')}</a>
          <a class="button secondary" href="/register?next=${next}">${t('register.title')}</a></p>`
      }`;
  }
}
