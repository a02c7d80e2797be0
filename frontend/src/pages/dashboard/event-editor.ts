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
import { kindLabel } from '../../shared/event-list';
import './solar-datetime';
import './cohosts-panel';
import './city-combobox';
import './point-map';
import { api } from '../../core/api';
import { ACCESSIBILITY_FEATURES, accessibilityLabel } from '../../core/accessibility';
import { locale, t, type MessageKey } from '../../core/i18n';
import { formatCount, parseCount, parseDecimal, timeZones, viewerZone } from '../../core/format';
import { navigate, paths } from '../../core/router';
import { parseWeekly, weekdayName, weekdayOf, weeklyRule, WEEKDAYS, type Weekday } from '../../core/rrule';
import { EVENT_KINDS, RSVP_MODES, type EventView, type PlaceSuggestion } from '../../core/types';

/** What the city field says was picked: the suggestion and the name it shows. */
type PickedPlace = PlaceSuggestion & { shown: string };

type Mode = 'IN_PERSON' | 'ONLINE' | 'HYBRID';

/** The form's state, as an organizer types it. */
interface Draft {
  title: string;
  description: string;
  kind: string;
  start: string;
  end: string;
  timeZone: string;
  city: string;
  countryCode: string;
  /** The meeting point, as typed or set on the map; both empty: the server places the event at the city's centre. */
  lat?: string;
  lon?: string;
  venue: string;
  address: string;
  mode: Mode;
  onlineUrl: string;
  platform: string;
  capacity: string;
  rsvpMode: string;
  visibility: string;
  hiddenLocation: boolean;
  repeats: boolean;
  weekday: Weekday;
  until: string;
  campaign: string;
  speakers: string;
  tags: string;
  /** Accessibility features offered, from ACCESSIBILITY_FEATURES, and a short note. */
  accessibility: string[];
  accessibilityNote: string;
  /** Language tags, comma-separated as typed ("fa, en"). */
  languages: string;
  /** Publish now, keep as a draft (members only), or publish at `publishAt` (local time of the viewer). */
  publication?: 'NOW' | 'DRAFT' | 'SCHEDULE';
  publishAt?: string;
  /** Hours before the start when a location kept for attendees becomes public; empty: never. */
  revealHours?: string;
  /** Organizers' notes for the people going (saved apart from the event). */
  notes?: string;
  /** The stored rule when editing; kept as it is unless the organizer changes the recurrence. */
  originalRule?: string;
}

const EMPTY: Draft = {
  title: '',
  description: '',
  kind: 'VIGIL',
  start: '',
  end: '',
  timeZone: '',
  city: '',
  countryCode: '',
  lat: '',
  lon: '',
  venue: '',
  address: '',
  mode: 'IN_PERSON',
  onlineUrl: '',
  platform: '',
  capacity: '',
  rsvpMode: 'OPEN',
  visibility: 'PUBLIC',
  hiddenLocation: false,
  repeats: false,
  weekday: 'TH',
  until: '',
  campaign: '',
  speakers: '',
  tags: '',
  accessibility: [],
  accessibilityNote: '',
  languages: '',
  publication: 'NOW',
  publishAt: '',
  revealHours: '',
  notes: '',
};

/** The API body for a draft; with `patch`, absent parts are sent as null so a merge patch clears them. */
export function eventBody(d: Draft, organization: string, patch = false): Record<string, unknown> {
  const clear = patch ? null : undefined;
  const speakers = d.speakers
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, ...rest] = l.split(/\s+[—–-]\s+/);
      return rest.length ? { name: name.trim(), affiliation: rest.join(' - ').trim() } : { name: name.trim() };
    });
  const tags = d.tags
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const languages = d.languages
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const body: Record<string, unknown> = {
    organization,
    title: d.title.trim(),
    description: d.description.trim() || clear,
    kind: d.kind,
    start: d.start,
    end: d.end,
    timeZone: d.timeZone.trim() || clear,
    recurrence: d.repeats
      ? {
          rrule:
            d.originalRule ??
            weeklyRule({ weekday: d.weekday, until: d.until || undefined }, d.timeZone.trim() || 'UTC'),
        }
      : clear,
    place:
      d.mode === 'ONLINE'
        ? clear
        : {
            city: d.city.trim(),
            countryCode: d.countryCode.trim().toUpperCase(),
            ...point(d, clear),
            ...(d.venue.trim() ? { venue: d.venue.trim() } : {}),
            ...(d.address.trim() ? { address: d.address.trim() } : {}),
          },
    online:
      d.mode === 'IN_PERSON'
        ? clear
        : { url: d.onlineUrl.trim(), ...(d.platform.trim() ? { platform: d.platform.trim() } : {}) },
    capacity: typedCount(d.capacity, 7, clear),
    rsvpMode: d.rsvpMode,
    visibility: d.visibility,
    locationVisibility: d.hiddenLocation ? 'ATTENDEES' : 'PUBLIC',
    locationRevealBefore: revealBefore(d, clear),
    locationRevealAt: clear,
    draft: d.publication === 'DRAFT' ? true : clear,
    publishAt: d.publication === 'SCHEDULE' && d.publishAt ? new Date(d.publishAt).toISOString() : clear,
    campaign: d.campaign.trim() || clear,
    speakers: speakers.length ? speakers : clear,
    tags: tags.length ? tags : clear,
    accessibility:
      d.accessibility.length || d.accessibilityNote.trim()
        ? {
            features: d.accessibility,
            ...(d.accessibilityNote.trim() ? { note: d.accessibilityNote.trim() } : {}),
          }
        : clear,
    languages: languages.length ? languages : clear,
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}

/**
 * A count as typed, in Persian, Arabic-Indic or Latin digits: empty clears it; what is no whole number goes as typed,
 * so the server refuses it naming the field instead of it being dropped.
 */
function typedCount(
  text: string | undefined,
  maxDigits: number,
  clear: null | undefined,
): number | string | null | undefined {
  return text?.trim() ? parseCount(text, maxDigits) : clear;
}

/** How long before the start a hidden location is revealed: whole hours, none when empty or 0. */
function revealBefore(d: Draft, clear: null | undefined): string | null | undefined {
  const hours = d.hiddenLocation ? typedCount(d.revealHours, 4, clear) : clear;
  if (typeof hours !== 'number') return hours;
  return hours > 0 ? `PT${hours}H` : clear;
}

/**
 * The place's lat/lon as typed, in any digits: none when both are empty (null in a patch, so the server uses the city's
 * centre); otherwise both, each a number or the text as typed, so a mistyped or half-given point is refused by the
 * server naming the field instead of being dropped.
 */
function point(d: Draft, clear: null | undefined): { lat?: number | string | null; lon?: number | string | null } {
  const lat = d.lat?.trim();
  const lon = d.lon?.trim();
  if (!lat && !lon) return clear === null ? { lat: null, lon: null } : {};
  return { lat: lat ? parseDecimal(lat) : null, lon: lon ? parseDecimal(lon) : null };
}

function draftOf(e: EventView): Draft {
  const weekly = parseWeekly(e.recurrence?.rrule, e.start, e.timeZone);
  return {
    ...EMPTY,
    title: e.title,
    description: e.description ?? '',
    kind: e.kind,
    start: e.start.slice(0, 16),
    end: e.end.slice(0, 16),
    timeZone: e.timeZone,
    city: e.place?.city ?? '',
    countryCode: e.place?.countryCode ?? '',
    lat: e.place?.lat === undefined || e.place?.lat === null ? '' : String(e.place.lat),
    lon: e.place?.lon === undefined || e.place?.lon === null ? '' : String(e.place.lon),
    venue: e.place?.venue ?? '',
    address: e.place?.address ?? '',
    mode: e.place && e.online ? 'HYBRID' : e.online ? 'ONLINE' : 'IN_PERSON',
    onlineUrl: e.online?.url ?? '',
    platform: e.online?.platform ?? '',
    capacity: e.capacity ? formatCount(e.capacity, locale()) : '',
    rsvpMode: e.rsvpMode ?? 'OPEN',
    visibility: e.visibility ?? 'PUBLIC',
    hiddenLocation: e.locationVisibility === 'ATTENDEES',
    repeats: !!e.recurrence,
    weekday: weekly?.weekday ?? weekdayOf(e.start),
    until: weekly?.until ?? '',
    originalRule: e.recurrence?.rrule,
    campaign: e.campaign?.slug ?? '',
    publication: e.publishAt ? 'SCHEDULE' : e.draft ? 'DRAFT' : 'NOW',
    publishAt: e.publishAt ? localInput(e.publishAt) : '',
    revealHours: e.locationRevealAt
      ? formatCount(
          Math.max(1, Math.round((Date.parse(e.startUtc) - Date.parse(e.locationRevealAt)) / 3_600_000)),
          locale(),
        )
      : '',
    tags: (e.tags ?? []).join(', '),
    accessibility: e.accessibility?.features ?? [],
    accessibilityNote: e.accessibility?.note ?? '',
    languages: (e.languages ?? []).join(', '),
    speakers: (e.speakers ?? []).map((s) => (s.affiliation ? `${s.name} — ${s.affiliation}` : s.name)).join('\n'),
  };
}

/** An instant as a datetime-local value in the viewer's own zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** /dashboard/organizations/{slug}/events/new and /dashboard/events/{id}: create or edit an event. */
@customElement('tocsin-event-editor')
export class EventEditor extends LightElement {
  @property() organization = '';
  @property() eventId = '';
  /** A new event offered to this campaign's call: its description starts from the call's template. */
  @property() fromCampaign = '';
  /** Whether the description was prefilled from a campaign's template (said beside it). */
  @state() private fromTemplate = false;
  @state() private draft: Draft = { ...EMPTY, timeZone: viewerZone() };
  @state() private errors?: FormErrors;
  @state() private busy = false;
  @state() private loaded = true;
  /** Where the point map is centred: the picked city's centre, or the loaded event's point. */
  @state() private centre?: { lat: number; lon: number };
  private zoneTouched = false;
  private weekdayTouched = false;
  private zones = timeZones();
  /** The notes as loaded: saved again only when changed. */
  private savedNotes = '';

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('fromCampaign') && this.fromCampaign && !this.eventId) {
      api
        .campaignCall(this.fromCampaign)
        .then((call) => {
          // Only into an empty description: what the organizer already typed stays theirs.
          if (call.template && !this.draft.description.trim()) {
            this.draft = { ...this.draft, description: call.template };
            this.fromTemplate = true;
          }
        })
        .catch(() => undefined);
    }
    if (changed.has('eventId') && this.eventId) {
      this.loaded = false;
      api
        .event(this.eventId)
        .then((e) => {
          this.draft = draftOf(e);
          if (typeof e.place?.lat === 'number' && typeof e.place?.lon === 'number')
            this.centre = { lat: e.place.lat, lon: e.place.lon };
          this.organization = e.organization.slug;
          api
            .eventNotes(e.id)
            .then((n) => {
              this.savedNotes = n.text;
              this.draft = { ...this.draft, notes: n.text };
            })
            .catch(() => undefined);
          this.zoneTouched = true;
          this.weekdayTouched = true;
          this.loaded = true;
        })
        .catch(() => {
          this.errors = { fields: {}, general: t('error.load') };
          this.loaded = true;
        });
    }
  }

  private toggleFeature(feature: string, on: boolean) {
    const rest = this.draft.accessibility.filter((f) => f !== feature);
    this.set('accessibility', on ? [...rest, feature] : rest);
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]) {
    this.draft = { ...this.draft, [key]: value };
    if (key === 'repeats' || key === 'weekday' || key === 'until')
      this.draft = { ...this.draft, originalRule: undefined };
    if (key === 'timeZone') this.zoneTouched = true;
    if (key === 'weekday') this.weekdayTouched = true;
    if (key === 'start' && typeof value === 'string' && value.length >= 10) {
      if (!this.weekdayTouched) this.draft = { ...this.draft, weekday: weekdayOf(value) };
      if (!this.draft.end || this.draft.end < value) {
        const [d, time] = value.split('T');
        const [h, m] = (time ?? '18:00').split(':').map(Number);
        this.draft = {
          ...this.draft,
          end: `${d}T${String(Math.min(h + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
        };
      }
    }
    if ((key === 'city' || key === 'countryCode') && !this.zoneTouched) void this.guessZone();
  }

  /** A city typed by hand: its point is the server's to find (the city's centre), not the last picked city's. */
  private typeCity(text: string) {
    this.draft = { ...this.draft, lat: '', lon: '' };
    this.centre = undefined;
    this.set('city', text);
  }

  /** A suggested city fills the city, its country and zone, and its centre as the meeting point to refine. */
  private pickCity(p: PickedPlace) {
    this.draft = {
      ...this.draft,
      city: p.shown,
      countryCode: p.country,
      timeZone: p.zone,
      lat: String(p.lat),
      lon: String(p.lon),
    };
    this.centre = { lat: p.lat, lon: p.lon };
  }

  /**
   * The meeting point: a small map centred on the city (click or drag) and the same point as two decimal fields,
   * the keyboard's way. Shown once a city was picked (or the event has a point); empty fields mean the city's centre.
   */
  private pointFields() {
    const d = this.draft;
    // Typed in any digits ("۳۵٫۶۸۹"), as the saved body reads them.
    const lat = d.lat?.trim() ? parseDecimal(d.lat) : undefined;
    const lon = d.lon?.trim() ? parseDecimal(d.lon) : undefined;
    const set = typeof lat === 'number' && typeof lon === 'number';
    const centre = this.centre ?? (set ? { lat, lon } : undefined);
    if (!centre) return nothing;
    return html`<fieldset class="point">
      <legend>${t('editor.point')}</legend>
      <p class="hint" id="ev-point-hint">${t('editor.pointHint')}</p>
      <tocsin-point-map .centreLat=${centre.lat} .centreLon=${centre.lon} .lat=${set ? lat : undefined}
        .lon=${set ? lon : undefined} label=${t('editor.pointMap')}
        @point-changed=${(ev: CustomEvent<{ lat: number; lon: number }>) =>
          (this.draft = { ...this.draft, lat: String(ev.detail.lat), lon: String(ev.detail.lon) })}></tocsin-point-map>
      <div class="row">
        ${this.text('lat', 'place.lat', t('editor.lat'), { decimal: true })}
        ${this.text('lon', 'place.lon', t('editor.lon'), { decimal: true })}
      </div>
    </fieldset>`;
  }

  /** The zone picker defaults to the city's zone: the zone of that city's events, when Tocsin knows any. */
  private async guessZone() {
    const { city, countryCode } = this.draft;
    if (!city.trim() || !/^[A-Za-z]{2}$/.test(countryCode.trim())) return;
    try {
      const page = await api.events({ city: city.trim(), country: countryCode.trim(), limit: 1 });
      const zone = page.items[0]?.timeZone;
      if (zone && !this.zoneTouched) this.draft = { ...this.draft, timeZone: zone };
    } catch {
      /* keep the current guess */
    }
  }

  private async submit(ev: Event) {
    ev.preventDefault();
    this.busy = true;
    this.errors = undefined;
    try {
      const saved = this.eventId
        ? await api.updateEvent(this.eventId, eventBody(this.draft, this.organization, true))
        : await api.createEvent(eventBody(this.draft, this.organization));
      if ((this.draft.notes ?? '').trim() !== this.savedNotes.trim()) {
        await api.setEventNotes(saved.id, this.draft.notes ?? '');
        this.savedNotes = this.draft.notes ?? '';
      }
      navigate(paths.event(saved.id));
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
      this.updateComplete.then(() => this.querySelector<HTMLElement>('[aria-invalid="true"], .error')?.focus());
    } finally {
      this.busy = false;
    }
  }

  private text(
    field: keyof Draft,
    apiField: string,
    label: string,
    opts: {
      type?: string;
      required?: boolean;
      hint?: string;
      ltr?: boolean;
      list?: string;
      /** A whole count: a text field (a number field drops Persian digits), a digit keyboard, read by parseCount. */
      count?: boolean;
      /** A decimal (a coordinate): a text field as for a count, a keyboard with a decimal point, read by parseDecimal. */
      decimal?: boolean;
    } = {},
  ) {
    const id = `ev-${field}`;
    const e = this.errors;
    const describedBy = [opts.hint ? `${id}-hint` : '', e?.fields[apiField] ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${opts.type ?? 'text'} ?required=${opts.required} .value=${String(this.draft[field])}
        list=${ifDefined(opts.list)} dir=${ifDefined(opts.ltr || opts.count || opts.decimal ? 'ltr' : undefined)}
        inputmode=${ifDefined(opts.count ? 'numeric' : opts.decimal ? 'decimal' : undefined)}
        aria-invalid=${invalid(e, apiField)} aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${(ev: Event) => this.set(field, (ev.target as HTMLInputElement).value as never)} />
      ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing}
      ${fieldError(e, apiField, `${id}-error`)}
    </div>`;
  }

  /** A start or end: the Solar Hijri picker for Persian organizers, the browser's date-time field for others. */
  private dateTime(field: 'start' | 'end', label: string) {
    if (locale().lang !== 'fa') return this.text(field, field, label, { type: 'datetime-local', required: true });
    const id = `ev-${field}`;
    return html`<div>
      <tocsin-solar-datetime fieldId=${id} label=${label} .value=${String(this.draft[field])}
        ?invalid=${invalid(this.errors, field) === 'true'} describedBy=${this.errors?.fields[field] ? `${id}-error` : ''}
        @value-changed=${(ev: CustomEvent<string>) => this.set(field, ev.detail as never)}></tocsin-solar-datetime>
      ${fieldError(this.errors, field, `${id}-error`)}
    </div>`;
  }

  private select(field: keyof Draft, label: string, options: [string, string][]) {
    const id = `ev-${field}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(ev: Event) => this.set(field, (ev.target as HTMLSelectElement).value as never)}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${this.draft[field] === v}>${l}</option>`)}
      </select>
      ${fieldError(this.errors, field, `${id}-error`)}
    </div>`;
  }

  render() {
    const title = this.eventId ? t('editor.editTitle') : t('editor.newTitle');
    document.title = `${title} · Tocsin`;
    if (!this.loaded) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    const d = this.draft;
    const e = this.errors;
    const loc = locale();
    return html`
      <p><a href=${paths.orgAdmin(this.organization)}>${t('dashboard.backToOrg')}</a></p>
      <h1>${title}</h1>
      <form class="editor" @submit=${this.submit} novalidate>
        ${generalError(e)}
        ${this.text('title', 'title', t('editor.title'), { required: true })}
        <div class="field">
          <label for="ev-description">${t('editor.description')}</label>
          <textarea id="ev-description" rows="5" .value=${d.description} @input=${(ev: Event) => this.set('description', (ev.target as HTMLTextAreaElement).value)}
            aria-invalid=${invalid(e, 'description')}
            aria-describedby=${ifDefined(this.fromTemplate ? 'ev-description-template' : undefined)}></textarea>
          ${this.fromTemplate ? html`<p class="hint" id="ev-description-template">${t('editor.fromCampaign')}</p>` : nothing}
          ${fieldError(e, 'description', 'ev-description-error')}
        </div>
        ${this.select(
          'kind',
          t('editor.kind'),
          EVENT_KINDS.map((k) => [k, kindLabel(k)]),
        )}
        <fieldset>
          <legend>${t('editor.when')}</legend>
          <div class="row">
            ${this.dateTime('start', t('editor.start'))}
            ${this.dateTime('end', t('editor.end'))}
          </div>
          ${this.text('timeZone', 'timeZone', t('editor.timeZone'), { list: 'zones', ltr: true, hint: t('editor.timeZoneHint') })}
          <datalist id="zones">${this.zones.map((z) => html`<option value=${z}></option>`)}</datalist>
          <div class="field">
            <label class="choice"><input id="ev-repeats" type="checkbox" .checked=${d.repeats} @change=${(ev: Event) => this.set('repeats', (ev.target as HTMLInputElement).checked)} /> ${t('editor.repeats')}</label>
          </div>
          ${
            d.repeats
              ? html`<div class="row recurrence">
            ${this.select(
              'weekday',
              t('editor.every'),
              WEEKDAYS.map((w) => [w, weekdayName(w, loc.intl)]),
            )}
            ${this.text('until', 'recurrence.rrule', t('editor.until'), { type: 'date' })}
          </div>
          <p class="hint" dir="ltr">RRULE: ${d.originalRule ?? weeklyRule({ weekday: d.weekday, until: d.until || undefined }, d.timeZone.trim() || 'UTC')}</p>`
              : nothing
          }
          ${fieldError(e, 'recurrence', 'ev-recurrence-error')}
        </fieldset>
        <fieldset>
          <legend>${t('editor.where')}</legend>
          ${this.select('mode', t('editor.mode'), [
            ['IN_PERSON', t('editor.inPerson')],
            ['ONLINE', t('editor.online')],
            ['HYBRID', t('editor.hybrid')],
          ])}
          ${
            d.mode !== 'ONLINE'
              ? html`
            <div class="row">
              <div class="city-field">
                <tocsin-city-combobox fieldId="ev-city" label=${t('editor.city')} .value=${d.city}
                  ?invalid=${invalid(e, 'place.city') === 'true'} describedBy=${e?.fields['place.city'] ? 'ev-city-error' : ''}
                  @city-input=${(ev: CustomEvent<string>) => this.typeCity(ev.detail)}
                  @city-picked=${(ev: CustomEvent<PickedPlace>) => this.pickCity(ev.detail)}></tocsin-city-combobox>
                ${fieldError(e, 'place.city', 'ev-city-error')}
              </div>
              ${this.text('countryCode', 'place.countryCode', t('editor.country'), { required: true, ltr: true, hint: t('editor.countryHint') })}
            </div>
            ${this.pointFields()}
            ${this.text('venue', 'place.venue', t('editor.venue'))}
            ${this.text('address', 'place.address', t('editor.address'))}
            <div class="field">
              <label class="choice"><input id="ev-hidden" type="checkbox" .checked=${d.hiddenLocation} @change=${(ev: Event) => this.set('hiddenLocation', (ev.target as HTMLInputElement).checked)} /> ${t('editor.hiddenLocation')}</label>
            </div>
            ${d.hiddenLocation ? this.text('revealHours', 'locationRevealBefore', t('hosting.revealHours'), { count: true, hint: t('hosting.revealHoursHint') }) : nothing}`
              : nothing
          }
          ${
            d.mode !== 'IN_PERSON'
              ? html`
            ${this.text('onlineUrl', 'online.url', t('editor.onlineUrl'), { type: 'url', required: true, ltr: true })}
            ${this.text('platform', 'online.platform', t('editor.platform'))}`
              : nothing
          }
          ${fieldError(e, 'place', 'ev-place-error')}
        </fieldset>
        <fieldset>
          <legend>${t('editor.attendance')}</legend>
          ${this.text('capacity', 'capacity', t('editor.capacity'), { count: true, hint: t('editor.capacityHint') })}
          ${this.select(
            'rsvpMode',
            t('editor.rsvpMode'),
            RSVP_MODES.map((m) => [m, t(`rsvpMode.${m}` as MessageKey)]),
          )}
          ${this.select(
            'visibility',
            t('editor.visibility'),
            ['PUBLIC', 'UNLISTED', 'PRIVATE'].map((m) => [m, t(`visibility.${m}` as MessageKey)]),
          )}
        </fieldset>
        ${this.text('campaign', 'campaign', t('editor.campaign'), { ltr: true, hint: t('editor.campaignHint') })}
        <div class="field">
          <label for="ev-speakers">${t('editor.speakers')}</label>
          <textarea id="ev-speakers" rows="3" aria-describedby="ev-speakers-hint" .value=${d.speakers} @input=${(ev: Event) => this.set('speakers', (ev.target as HTMLTextAreaElement).value)}></textarea>
          <p class="hint" id="ev-speakers-hint">${t('editor.speakersHint')}</p>
          ${fieldError(e, 'speakers', 'ev-speakers-error')}
        </div>
        ${this.text('tags', 'tags', t('editor.tags'), { hint: t('editor.tagsHint') })}
        ${this.text('languages', 'languages', t('editor.languages'), { ltr: true, hint: t('editor.languagesHint') })}
        <fieldset class="accessibility">
          <legend>${t('editor.accessibility')}</legend>
          ${ACCESSIBILITY_FEATURES.map(
            (f) =>
              html`<label class="choice"><input type="checkbox" name="a11y" value=${f} .checked=${d.accessibility.includes(f)}
                @change=${(ev: Event) => this.toggleFeature(f, (ev.target as HTMLInputElement).checked)} /> ${accessibilityLabel(f)}</label>`,
          )}
          <div class="field">
            <label for="ev-a11y-note">${t('editor.accessibilityNote')}</label>
            <textarea id="ev-a11y-note" rows="2" maxlength="500" .value=${d.accessibilityNote}
              @input=${(ev: Event) => this.set('accessibilityNote', (ev.target as HTMLTextAreaElement).value)}></textarea>
            ${fieldError(e, 'accessibility', 'ev-a11y-error')}
          </div>
        </fieldset>
        <div class="field">
          <label for="ev-notes">${t('hosting.notes')}</label>
          <textarea id="ev-notes" rows="4" maxlength="5000" aria-describedby="ev-notes-hint" .value=${d.notes ?? ''} @input=${(ev: Event) => this.set('notes', (ev.target as HTMLTextAreaElement).value)}
            aria-invalid=${invalid(e, 'text')}></textarea>
          <p class="hint" id="ev-notes-hint">${t('hosting.notesHint')}</p>
          ${fieldError(e, 'text', 'ev-notes-error')}
        </div>
        <fieldset>
          <legend>${t('hosting.publication')}</legend>
          ${this.select('publication', t('hosting.publication'), [
            ['NOW', t('hosting.publishNow')],
            ['DRAFT', t('hosting.saveDraft')],
            ['SCHEDULE', t('hosting.schedule')],
          ])}
          ${d.publication === 'SCHEDULE' ? this.text('publishAt', 'publishAt', t('hosting.publishAt'), { type: 'datetime-local', required: true }) : nothing}
        </fieldset>
        <button type="submit" ?disabled=${this.busy}>${this.eventId ? t('editor.save') : t('editor.create')}</button>
      </form>
      ${this.eventId ? html`<tocsin-cohosts-panel event-id=${this.eventId}></tocsin-cohosts-panel>` : nothing}`;
  }
}
