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
import { formatNumber } from '../../core/format';
import type { EventImportJob } from '../../core/partner-types';

/** How often a running import is asked how far it got. */
const POLL_MS = 500;

/**
 * "Import events from a file" on an organization's page (its ORGANIZERs and above): a file of newline-
 * delimited JSON, one event as the API's create body per line. The job is polled until it ends: a progress
 * bar while events are written, and every refused line with its field when the file was rejected (then
 * nothing was stored, so the same file, corrected, can be sent again).
 */
@customElement('tocsin-event-import-panel')
export class EventImportPanel extends LightElement {
  @property() slug = '';
  @state() private job: EventImportJob | null = null;
  @state() private errors?: FormErrors;
  @state() private sending = false;

  private async upload(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    this.sending = true;
    this.errors = undefined;
    this.job = null;
    try {
      this.job = await api.importEvents(this.slug, file);
      form.reset();
      await this.follow(this.job.id);
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    } finally {
      this.sending = false;
    }
  }

  private async follow(id: string) {
    while (this.isConnected && this.job && (this.job.state === 'CHECKING' || this.job.state === 'WRITING')) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      this.job = await api.eventImport(this.slug, id);
    }
  }

  private progress(job: EventImportJob) {
    const loc = locale();
    const counts = { written: formatNumber(job.written, loc), received: formatNumber(job.received, loc) };
    return html`<div class="import-job" role="status">
      <p>${t(`bulk.state.${job.state}` as MessageKey, counts)}</p>
      ${
        job.state === 'CHECKING' || job.state === 'WRITING'
          ? html`<progress
              aria-label=${t('bulk.progress')}
              max=${job.received}
              value=${job.state === 'WRITING' ? job.written : nothing}
            ></progress>`
          : nothing
      }
      ${
        job.problems.length
          ? html`<ul class="refused">${job.problems.map(
              (p) =>
                html`<li>${t('bulk.line', { n: formatNumber(p.line, loc) })} <code dir="ltr">${p.field}</code>: ${p.message}</li>`,
            )}</ul>
            ${job.moreProblems ? html`<p class="hint">${t('bulk.moreProblems')}</p>` : nothing}`
          : nothing
      }
    </div>`;
  }

  render() {
    return html`<section class="event-import-panel" aria-labelledby="bulk-h">
      <h2 id="bulk-h">${t('bulk.heading')}</h2>
      <p class="hint">${t('bulk.help')}</p>
      <form @submit=${this.upload}>
        <label for="bulk-file">${t('bulk.file')}</label>
        <input id="bulk-file" name="file" type="file" accept=".ndjson,.jsonl,application/x-ndjson" required
          aria-invalid=${invalid(this.errors, 'body')} aria-describedby="bulk-file-error" />
        ${fieldError(this.errors, 'body', 'bulk-file-error')}
        ${generalError(this.errors)}
        <button type="submit" ?disabled=${this.sending}>${t('bulk.send')}</button>
      </form>
      ${this.sending && !this.job ? html`<progress aria-label=${t('bulk.progress')}></progress>` : nothing}
      ${this.job ? this.progress(this.job) : nothing}
    </section>`;
  }
}
