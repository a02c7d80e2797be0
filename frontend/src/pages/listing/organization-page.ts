import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ListingPage } from './listing';
import { api } from '../../core/api';
import { t } from '../../core/i18n';
import { paths } from '../../core/router';
import type { Organization } from '../../core/types';
import '../moderation/report-dialog';
import '../moderation/audit-log';

/** /organizations/{slug}: a group's profile, its actions and its calendar. */
@customElement('tocsin-organization-page')
export class OrganizationPage extends ListingPage {
  @property() slug = '';
  @state() private org: Organization | null = null;
  @state() private missing = false;

  protected filters() {
    return { organization: this.slug };
  }

  protected willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('slug')) return;
    this.org = null;
    this.missing = false;
    api
      .organization(this.slug)
      .then((o) => {
        this.org = o;
      })
      .catch(() => {
        this.missing = true;
      });
    void this.loadEvents();
  }

  render() {
    if (this.missing) return html`<h1>${t('error.notFound')}</h1><p>${t('report.removedNotice')}</p>`;
    if (!this.org) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    document.title = `${this.org.name} · Tocsin`;
    return html`
      <h1 dir="auto">${this.org.name}</h1>
      ${this.org.description ? html`<p class="lede" dir="auto">${this.org.description}</p>` : nothing}
      ${this.org.myRole ? html`<p><a href=${paths.orgAdmin(this.org.slug)}>${t('org.manage')}</a></p>` : nothing}
      ${this.eventsSection(`/feeds/organizations/${encodeURIComponent(this.slug)}`)}
      ${this.org.myRole === 'OWNER' || this.org.myRole === 'ADMIN' ? html`<tocsin-audit-log slug=${this.slug}></tocsin-audit-log>` : nothing}
      <tocsin-report kind="ORGANIZATION" target=${this.slug}></tocsin-report>`;
  }
}
