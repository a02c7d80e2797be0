import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api } from '../../core/api';
import { locale, t, type MessageKey } from '../../core/i18n';
import type { AuditEntry, AuditPage } from '../../core/moderation-types';

/** The path of one page of an organization's (or a campaign's) log. */
export function auditPath(kind: 'organizations' | 'campaigns', slug: string, cursor?: string | null): string {
  return `/api/v1/${kind}/${encodeURIComponent(slug)}/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
}

/**
 * <tocsin-audit-log slug [campaign]>: who changed what in the organization (or campaign), newest first,
 * for its ADMINs and OWNERs; renders nothing for anyone else (the server refuses them the log).
 */
@customElement('tocsin-audit-log')
export class AuditLog extends LightElement {
  @property() slug = '';
  /** Set to show a campaign's log instead of an organization's. */
  @property({ type: Boolean }) campaign = false;
  @state() private entries: AuditEntry[] | null = null;
  @state() private next: string | null = null;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('slug') && this.slug) void this.load(false);
  }

  private async load(more: boolean) {
    try {
      const page = await api.get<AuditPage>(
        auditPath(this.campaign ? 'campaigns' : 'organizations', this.slug, more ? this.next : null),
      );
      this.entries = more && this.entries ? [...this.entries, ...page.entries] : page.entries;
      this.next = page.nextCursor;
    } catch {
      if (!more) this.entries = null;
    }
  }

  render() {
    if (!this.entries) return nothing;
    const fmt = new Intl.DateTimeFormat(locale().intl, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section class="audit-log" aria-labelledby="audit-h">
      <h2 id="audit-h">${t('audit.heading')}</h2>
      <p class="hint">${t('audit.hint')}</p>
      ${
        this.entries.length
          ? html`<ol class="plain">
              ${this.entries.map(
                (e) => html`<li data-action=${e.action}>
                  <time datetime=${e.at}>${fmt.format(new Date(e.at))}</time> ·
                  <bdi>${e.actorName ?? t('audit.system')}</bdi> ·
                  ${t(`audit.action.${e.action}` as MessageKey)}${e.label ? html`: <bdi>${e.label}</bdi>` : nothing}
                </li>`,
              )}
            </ol>`
          : html`<p>${t('audit.empty')}</p>`
      }
      ${this.next ? html`<button type="button" class="secondary" @click=${() => this.load(true)}>${t('audit.more')}</button>` : nothing}
    </section>`;
  }
}
