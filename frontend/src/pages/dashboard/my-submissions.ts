import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import { paths } from '../../core/router';
import type { Submission } from '../../core/types';

/** <tocsin-my-submissions slug>: what an organization offered to campaigns, and what became of it (ORGANIZER+). */
@customElement('tocsin-my-submissions')
export class MySubmissions extends LightElement {
  @property() slug = '';
  @state() private items: Submission[] = [];

  protected willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('slug') || !this.slug) return;
    api
      .organizationSubmissions(this.slug)
      .then((items) => (this.items = items))
      .catch(() => (this.items = []));
  }

  render() {
    if (!this.items.length) return nothing;
    return html`<section aria-labelledby="subs-h">
      <h2 id="subs-h">${t('submissions.heading')}</h2>
      <ul>
        ${this.items.map(
          (s) => html`<li>
            <strong dir="auto">${s.event?.title ?? ''}</strong> →
            <a href=${paths.campaign(s.campaign.slug)} dir="auto">${s.campaign.name}</a>
            <span class="badge">${t(`review.state.${s.state}` as MessageKey)}</span>
            ${s.reason ? html`<p dir="auto">${s.reason}</p>` : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
