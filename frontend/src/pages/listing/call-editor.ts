import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
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
import { locale, t } from '../../core/i18n';
import { currentUser } from '../../core/session';
import type { Campaign, CampaignCall } from '../../core/types';
import '../dashboard/solar-datetime';

const ORGANIZER_ROLES = ['OWNER', 'ADMIN', 'ORGANIZER'];

/** The call as the form edits it: every field a string or flag, materials as rows. */
interface CallDraft {
  open: boolean;
  instructions: string;
  template: string;
  materials: { title: string; url: string }[];
  acceptsFrom: string;
  acceptsTo: string;
  reviewChanges: boolean;
}

/**
 * The call as PUT /call takes it. Dates left at the campaign's own are sent as none, so the call keeps
 * following the campaign if its dates move; empty material rows are dropped.
 */
export function callRequest(d: CallDraft, campaign: Pick<Campaign, 'startsOn' | 'endsOn'>) {
  return {
    open: d.open,
    instructions: d.instructions,
    template: d.template,
    materials: d.materials.map((m) => ({ title: m.title.trim(), url: m.url.trim() })).filter((m) => m.title || m.url),
    acceptsFrom: !d.acceptsFrom || d.acceptsFrom === campaign.startsOn ? null : d.acceptsFrom,
    acceptsTo: !d.acceptsTo || d.acceptsTo === campaign.endsOn ? null : d.acceptsTo,
    reviewChanges: d.reviewChanges,
  };
}

function draftOf(c: CampaignCall): CallDraft {
  return {
    open: c.open,
    instructions: c.instructions ?? '',
    template: c.template ?? '',
    materials: (c.materials ?? []).map((m) => ({ ...m })),
    acceptsFrom: c.acceptsFrom ?? '',
    acceptsTo: c.acceptsTo ?? '',
    reviewChanges: c.reviewChanges,
  };
}

/**
 * <tocsin-call-editor .campaign>: on a campaign's page, for ORGANIZER+ of the organization running it, the
 * form that writes its call to host an action (PUT /call): whether it takes submissions, the instructions
 * (Markdown, previewed through the server's own sanitiser, as the public call shows them), the template
 * hosts start from, materials links, the accepted dates (Solar Hijri for Persian) and whether changes go back
 * to review. Renders nothing for anyone else; the server refuses them anyway. Fires "call-saved".
 */
@customElement('tocsin-call-editor')
export class CallEditor extends LightElement {
  @property({ attribute: false }) campaign: Campaign | null = null;
  @state() private allowed = false;
  @state() private editing = false;
  @state() private draft: CallDraft | null = null;
  @state() private previewHtml: string | null = null;
  @state() private errors?: FormErrors;
  @state() private saved = false;
  @state() private busy = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('campaign') && this.campaign) void this.check(this.campaign);
  }

  /** Whether the signed-in caller organizes the campaign's organization (the server decides again on save). */
  private async check(c: Campaign) {
    this.allowed = false;
    if (!(await currentUser())) return;
    const mine = await api.myOrganizations().catch(() => []);
    this.allowed = mine.some((o) => o.slug === c.organization.slug && !!o.myRole && ORGANIZER_ROLES.includes(o.myRole));
  }

  private async open() {
    if (!this.campaign) return;
    this.errors = undefined;
    this.saved = false;
    this.previewHtml = null;
    try {
      this.draft = draftOf(await api.campaignCall(this.campaign.slug));
      this.editing = true;
    } catch (e) {
      this.errors = formErrors(e, t('error.load'));
    }
  }

  private set<K extends keyof CallDraft>(key: K, value: CallDraft[K]) {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    this.saved = false;
    if (key === 'instructions') this.previewHtml = null;
  }

  private setMaterial(i: number, key: 'title' | 'url', value: string) {
    if (!this.draft) return;
    this.set(
      'materials',
      this.draft.materials.map((m, j) => (j === i ? { ...m, [key]: value } : m)),
    );
  }

  private async preview() {
    if (!this.campaign || !this.draft) return;
    try {
      this.previewHtml = (await api.previewCall(this.campaign.slug, this.draft.instructions)).instructionsHtml;
    } catch (e) {
      this.errors = formErrors(e, t('error.load'));
    }
  }

  private async save(ev: Event) {
    ev.preventDefault();
    if (!this.campaign || !this.draft) return;
    this.busy = true;
    this.errors = undefined;
    this.saved = false;
    try {
      const call = await api.putCampaignCall(this.campaign.slug, callRequest(this.draft, this.campaign));
      this.draft = draftOf(call);
      this.previewHtml = call.instructionsHtml;
      this.saved = true;
      this.dispatchEvent(new CustomEvent('call-saved', { detail: call, bubbles: true, composed: true }));
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!this.allowed) return nothing;
    return html`<section aria-labelledby="call-editor-h" class="call-editor">
      <h2 id="call-editor-h">${t('call.heading')}</h2>
      <p>${t('call.help')}</p>
      <button type="button" class="secondary" aria-expanded=${this.editing ? 'true' : 'false'}
        @click=${() => (this.editing ? (this.editing = false) : this.open())}>${t('call.edit')}</button>
      ${this.editing && this.draft ? this.form(this.draft) : generalError(this.errors)}
    </section>`;
  }

  private form(d: CallDraft) {
    const e = this.errors;
    const persian = locale().lang === 'fa';
    return html`<form class="narrow" @submit=${this.save} novalidate>
      ${generalError(e)}
      <div class="field">
        <label class="choice"><input id="call-open" type="checkbox" .checked=${d.open}
          @change=${(ev: Event) => this.set('open', (ev.target as HTMLInputElement).checked)} /> ${t('call.open')}</label>
      </div>
      <div class="field">
        <label for="call-instructions">${t('call.instructions')}</label>
        <textarea id="call-instructions" rows="8" dir="auto" maxlength="10000" .value=${d.instructions}
          aria-invalid=${invalid(e, 'instructions')}
          aria-describedby=${ifDefined(e?.fields.instructions ? 'call-instructions-error' : undefined)}
          @input=${(ev: Event) => this.set('instructions', (ev.target as HTMLTextAreaElement).value)}></textarea>
        ${fieldError(e, 'instructions', 'call-instructions-error')}
        <button type="button" class="secondary" @click=${this.preview}>${t('call.preview')}</button>
      </div>
      ${
        this.previewHtml !== null
          ? html`<section class="card call-preview" aria-labelledby="call-preview-h">
              <h3 id="call-preview-h">${t('call.previewHeading')}</h3>
              <div class="description" dir="auto" .innerHTML=${this.previewHtml}></div>
            </section>`
          : nothing
      }
      <div class="field">
        <label for="call-template">${t('call.template')}</label>
        <textarea id="call-template" rows="5" dir="auto" maxlength="10000" .value=${d.template}
          aria-invalid=${invalid(e, 'template')} aria-describedby="call-template-hint"
          @input=${(ev: Event) => this.set('template', (ev.target as HTMLTextAreaElement).value)}></textarea>
        <p class="hint" id="call-template-hint">${t('call.templateHint')}</p>
        ${fieldError(e, 'template', 'call-template-error')}
      </div>
      <fieldset class="call-materials">
        <legend>${t('call.materials')}</legend>
        ${fieldError(e, 'materials', 'call-materials-error')}
        ${d.materials.map((m, i) => this.material(m, i))}
        <button type="button" class="secondary" ?disabled=${d.materials.length >= 20}
          @click=${() => this.set('materials', [...d.materials, { title: '', url: '' }])}>${t('call.addMaterial')}</button>
      </fieldset>
      <div class="row">
        ${this.date('acceptsFrom', t('call.acceptsFrom'), persian)}
        ${this.date('acceptsTo', t('call.acceptsTo'), persian)}
      </div>
      <p class="hint">${t('call.datesHint')}</p>
      <div class="field">
        <label class="choice"><input id="call-review-changes" type="checkbox" .checked=${d.reviewChanges}
          aria-describedby="call-review-changes-hint"
          @change=${(ev: Event) => this.set('reviewChanges', (ev.target as HTMLInputElement).checked)} /> ${t('call.reviewChanges')}</label>
        <p class="hint" id="call-review-changes-hint">${t('call.reviewChangesHint')}</p>
      </div>
      <button type="submit" ?disabled=${this.busy}>${t('call.save')}</button>
      ${this.saved ? html`<p role="status">${t('call.saved')}</p>` : nothing}
    </form>`;
  }

  private material(m: { title: string; url: string }, i: number) {
    const e = this.errors;
    const title = `materials[${i}].title`;
    const url = `materials[${i}].url`;
    return html`<div class="row call-material">
      <div class="field">
        <label for="call-material-title-${i}">${t('call.materialTitle', { n: i + 1 })}</label>
        <input id="call-material-title-${i}" dir="auto" maxlength="200" .value=${m.title} aria-invalid=${invalid(e, title)}
          aria-describedby=${ifDefined(e?.fields[title] ? `call-material-title-${i}-error` : undefined)}
          @input=${(ev: Event) => this.setMaterial(i, 'title', (ev.target as HTMLInputElement).value)} />
        ${fieldError(e, title, `call-material-title-${i}-error`)}
      </div>
      <div class="field">
        <label for="call-material-url-${i}">${t('call.materialUrl', { n: i + 1 })}</label>
        <input id="call-material-url-${i}" type="url" dir="ltr" maxlength="2000" placeholder="https://" .value=${m.url}
          aria-invalid=${invalid(e, url)}
          aria-describedby=${ifDefined(e?.fields[url] ? `call-material-url-${i}-error` : undefined)}
          @input=${(ev: Event) => this.setMaterial(i, 'url', (ev.target as HTMLInputElement).value)} />
        ${fieldError(e, url, `call-material-url-${i}-error`)}
      </div>
      <button type="button" class="link" @click=${() =>
        this.set(
          'materials',
          this.draft!.materials.filter((_, j) => j !== i),
        )}>
        ${t('call.removeMaterial')}<span class="visually-hidden"> ${m.title || t('call.materialTitle', { n: i + 1 })}</span>
      </button>
    </div>`;
  }

  /** An accepted date: the browser's date field, or the Solar Hijri picker for Persian organizers. */
  private date(field: 'acceptsFrom' | 'acceptsTo', label: string, persian: boolean) {
    const id = `call-${field}`;
    const e = this.errors;
    const value = this.draft![field];
    return html`<div>
      ${
        persian
          ? html`<tocsin-solar-datetime dateOnly fieldId=${id} label=${label} .value=${value}
              ?invalid=${invalid(e, field) === 'true'} describedBy=${e?.fields[field] ? `${id}-error` : ''}
              @value-changed=${(ev: CustomEvent<string>) => {
                ev.stopPropagation();
                this.set(field, ev.detail);
              }}></tocsin-solar-datetime>`
          : html`<div class="field"><label for=${id}>${label}</label>
              <input id=${id} type="date" .value=${value} aria-invalid=${invalid(e, field)}
                aria-describedby=${ifDefined(e?.fields[field] ? `${id}-error` : undefined)}
                @input=${(ev: Event) => this.set(field, (ev.target as HTMLInputElement).value)} /></div>`
      }
      ${fieldError(e, field, `${id}-error`)}
    </div>`;
  }
}
