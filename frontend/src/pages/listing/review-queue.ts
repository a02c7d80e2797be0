import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { ApiError, api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import type { Submission, SubmissionState } from '../../core/types';

const STATES: SubmissionState[] = ['PENDING', 'APPROVED', 'DECLINED'];

/**
 * <tocsin-review-queue slug>: a campaign's submissions for its organizers — filters by state and city,
 * approve, decline with a reason, approve several at once — with each submitting organization's record.
 * Renders nothing for anyone else (the server refuses them the queue).
 */
@customElement('tocsin-review-queue')
export class ReviewQueue extends LightElement {
  @property() slug = '';
  @state() private items: Submission[] | null = null;
  @state() private filter: { state: SubmissionState | ''; city: string } = { state: 'PENDING', city: '' };
  @state() private selected = new Set<string>();
  @state() private declining = '';
  @state() private error = '';

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('slug') && this.slug) void this.load();
  }

  private async load() {
    try {
      this.items = await api.submissions(this.slug, this.filter);
      this.selected = new Set();
    } catch {
      this.items = null;
    }
  }

  private async act(run: () => Promise<unknown>) {
    this.error = '';
    try {
      await run();
      this.declining = '';
      await this.load();
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : t('error.save');
    }
  }

  private applyFilter(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.filter = { state: String(d.get('state') ?? '') as SubmissionState | '', city: String(d.get('city') ?? '') };
    void this.load();
  }

  private toggle(id: string, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private decline(ev: Event, id: string) {
    ev.preventDefault();
    const reason = String(new FormData(ev.target as HTMLFormElement).get('reason') ?? '').trim();
    if (reason) void this.act(() => api.declineSubmission(this.slug, id, reason));
  }

  render() {
    if (!this.items) return nothing;
    return html`<section aria-labelledby="review-h" class="review-queue">
      <h2 id="review-h">${t('review.heading')}</h2>
      <form class="filters" @submit=${this.applyFilter}>
        <label for="review-state">${t('review.state')}</label>
        <select id="review-state" name="state">
          <option value="" ?selected=${!this.filter.state}>${t('review.all')}</option>
          ${STATES.map((s) => html`<option value=${s} ?selected=${this.filter.state === s}>${t(`review.state.${s}` as MessageKey)}</option>`)}
        </select>
        <label for="review-city">${t('review.city')}</label>
        <input id="review-city" name="city" .value=${this.filter.city} />
        <button type="submit">${t('review.filter')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.items.length
          ? html`<button
                type="button"
                ?disabled=${!this.selected.size}
                @click=${() => this.act(() => api.approveSubmissions(this.slug, [...this.selected]))}
              >
                ${t('review.approveSelected', { count: this.selected.size })}
              </button>
              <ul class="submissions">
                ${this.items.map((s) => this.item(s))}
              </ul>`
          : html`<p>${t('review.empty')}</p>`
      }
    </section>`;
  }

  private item(s: Submission) {
    const e = s.event;
    const h = s.history;
    return html`<li data-id=${s.id}>
      ${
        s.state !== 'APPROVED'
          ? html`<input
              type="checkbox"
              aria-label=${t('review.select', { title: e?.title ?? '' })}
              .checked=${this.selected.has(s.id)}
              @change=${(ev: Event) => this.toggle(s.id, (ev.target as HTMLInputElement).checked)}
            />`
          : nothing
      }
      <strong dir="auto">${e?.title}</strong> · ${e?.startDate} · <span dir="auto">${e?.city ?? ''}</span>
      <span class="badge">${t(`review.state.${s.state}` as MessageKey)}</span>
      <br />
      <span dir="auto">${s.organization?.name}</span>
      ${h ? html`<small>${t('review.history', { approved: h.approved, declined: h.declined, pending: h.pending })}</small>` : nothing}
      ${s.reason ? html`<p dir="auto">${s.reason}</p>` : nothing}
      <div class="actions">
        ${
          s.state !== 'APPROVED'
            ? html`<button type="button" @click=${() => this.act(() => api.approveSubmission(this.slug, s.id))}>
                ${t('review.approve')}
              </button>`
            : nothing
        }
        ${
          s.state !== 'DECLINED'
            ? this.declining === s.id
              ? html`<form @submit=${(ev: Event) => this.decline(ev, s.id)}>
                  <label for="reason-${s.id}">${t('review.reason')}</label>
                  <input id="reason-${s.id}" name="reason" required maxlength="1000" />
                  <button type="submit">${t('review.decline')}</button>
                </form>`
              : html`<button type="button" @click=${() => (this.declining = s.id)}>${t('review.decline')}</button>`
            : nothing
        }
      </div>
    </li>`;
  }
}
