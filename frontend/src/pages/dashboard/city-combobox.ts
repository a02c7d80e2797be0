import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LightElement } from '../../shared/light-element';
import { api } from '../../core/api';
import { locale, t } from '../../core/i18n';
import type { PlaceSuggestion } from '../../core/types';

/** How long typing must pause before the city field asks for suggestions. */
export const DEBOUNCE_MS = 200;

/** A suggestion's name in the reader's language: the Persian name for Persian readers when the gazetteer has one. */
export function placeName(p: PlaceSuggestion, lang: string): string {
  return (lang === 'fa' && p.names.fa) || p.name;
}

/** The option after (or before) the active one, wrapping around; none active starts at the first (or last). */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}

/**
 * The event editor's city field: an ARIA 1.2 combobox (an input with a list box of suggestions). Typing asks
 * GET /api/v1/places after a pause; Arrow keys move through the suggestions, Enter picks one, Escape closes the
 * list. It fires `city-input` with the text as typed and `city-picked` with the chosen city (its name in the
 * reader's language, country, zone and centre); the editor keeps the state.
 */
@customElement('tocsin-city-combobox')
export class CityCombobox extends LightElement {
  @property() fieldId = 'ev-city';
  @property() label = '';
  @property() value = '';
  @property({ type: Boolean }) invalid = false;
  @property() describedBy = '';
  @state() private suggestions: PlaceSuggestion[] = [];
  @state() private active = -1;
  @state() private open = false;
  private timer?: ReturnType<typeof setTimeout>;
  /** Answers to older queries arrive after newer ones sometimes: only the latest is shown. */
  private asked = 0;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private typed(text: string) {
    this.value = text;
    this.dispatchEvent(new CustomEvent('city-input', { detail: text }));
    clearTimeout(this.timer);
    if (!/[\p{L}\p{N}]/u.test(text) || text.length > 64) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.ask(text), DEBOUNCE_MS);
  }

  private async ask(text: string) {
    const ticket = ++this.asked;
    try {
      const found = await api.places(text);
      if (ticket !== this.asked) return;
      this.suggestions = found;
      this.active = -1;
      this.open = found.length > 0;
    } catch {
      if (ticket === this.asked) this.close();
    }
  }

  private close() {
    this.asked++;
    this.open = false;
    this.active = -1;
  }

  private pick(p: PlaceSuggestion) {
    this.value = placeName(p, locale().lang);
    this.close();
    this.dispatchEvent(new CustomEvent('city-picked', { detail: { ...p, shown: this.value } }));
  }

  private key(ev: KeyboardEvent) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!this.open && this.suggestions.length) this.open = true;
      this.active = moveActive(this.active, this.suggestions.length, ev.key === 'ArrowDown' ? 1 : -1);
    } else if (ev.key === 'Enter' && this.open && this.active >= 0) {
      ev.preventDefault();
      this.pick(this.suggestions[this.active]);
    } else if (ev.key === 'Escape' && this.open) {
      ev.preventDefault();
      this.close();
    }
  }

  render() {
    const id = this.fieldId;
    const listId = `${id}-suggestions`;
    const lang = locale().lang;
    const activeId = this.open && this.active >= 0 ? `${listId}-${this.active}` : undefined;
    const describedBy = [`${id}-hint`, this.describedBy].filter(Boolean).join(' ');
    return html`<div class="field combobox">
      <label for=${id}>${this.label}</label>
      <input id=${id} type="text" required autocomplete="off" role="combobox" aria-autocomplete="list"
        aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${listId}
        aria-activedescendant=${ifDefined(activeId)} aria-invalid=${this.invalid ? 'true' : 'false'}
        aria-describedby=${describedBy} .value=${this.value}
        @input=${(ev: Event) => this.typed((ev.target as HTMLInputElement).value)}
        @keydown=${this.key} @blur=${() => setTimeout(() => this.close(), 150)} />
      <p class="hint" id="${id}-hint">${t('editor.cityHint')}</p>
      <ul id=${listId} role="listbox" aria-label=${t('editor.citySuggestions')} ?hidden=${!this.open}>
        ${
          this.open
            ? this.suggestions.map(
                (
                  p,
                  i,
                ) => html`<li id="${listId}-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'}
                  data-key=${p.key} @mousedown=${(ev: Event) => ev.preventDefault()} @click=${() => this.pick(p)}>
                  <bdi>${placeName(p, lang)}</bdi>
                  <span class="hint">${lang === 'fa' && p.names.fa ? html`<bdi>${p.name}</bdi> ` : nothing}<span
                    dir="ltr">${p.country} · ${p.zone}</span></span>
                </li>`,
              )
            : nothing
        }
      </ul>
    </div>`;
  }
}
