import { describe, expect, it } from 'vitest';
import { eventBody } from './event-editor';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';
import { aVigil } from '../../test/events';

describe('the event editor’s body', () => {
  const draft = {
    title: ' Vigil ',
    description: '',
    kind: 'VIGIL',
    start: '2027-03-04T18:00',
    end: '2027-03-04T19:00',
    timeZone: 'Europe/Berlin',
    city: 'Berlin',
    countryCode: 'de',
    venue: 'Pariser Platz',
    address: '',
    mode: 'HYBRID' as const,
    onlineUrl: 'https://meet.example/x',
    platform: '',
    capacity: '40',
    rsvpMode: 'OPEN',
    visibility: 'PUBLIC',
    hiddenLocation: true,
    repeats: true,
    weekday: 'TH' as const,
    until: '2027-04-01',
    campaign: '',
    speakers: 'Shirin — lawyer\nReza',
    tags: 'vigil, weekly',
    accessibility: [] as string[],
    accessibilityNote: '',
    languages: '',
  };

  it('is what the API takes: a weekly RRULE, a place and an online link, a hidden location', () => {
    expect(eventBody(draft, 'group')).toEqual({
      organization: 'group',
      title: 'Vigil',
      kind: 'VIGIL',
      start: '2027-03-04T18:00',
      end: '2027-03-04T19:00',
      timeZone: 'Europe/Berlin',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T215959Z' /* the end of 1 April in Berlin, in UTC */ },
      place: { city: 'Berlin', countryCode: 'DE', venue: 'Pariser Platz' },
      online: { url: 'https://meet.example/x' },
      capacity: 40,
      rsvpMode: 'OPEN',
      visibility: 'PUBLIC',
      locationVisibility: 'ATTENDEES',
      speakers: [{ name: 'Shirin', affiliation: 'lawyer' }, { name: 'Reza' }],
      tags: ['vigil', 'weekly'],
    });
  });

  it('clears what was removed when it patches, and keeps a rule the builder did not make', () => {
    const body = eventBody(
      { ...draft, mode: 'IN_PERSON', repeats: true, originalRule: 'FREQ=WEEKLY;COUNT=8', capacity: '' },
      'group',
      true,
    );
    expect(body.online).toBeNull();
    expect(body.capacity).toBeNull();
    expect(body.recurrence).toEqual({ rrule: 'FREQ=WEEKLY;COUNT=8' });
    expect(eventBody({ ...draft, repeats: false }, 'group', true).recurrence).toBeNull();
  });

  it('saves a draft, schedules a publication and times the reveal of a hidden location', () => {
    expect(eventBody({ ...draft, publication: 'DRAFT' }, 'group').draft).toBe(true);
    const scheduled = eventBody({ ...draft, publication: 'SCHEDULE', publishAt: '2027-03-01T09:30' }, 'group');
    expect(scheduled.publishAt).toBe(new Date('2027-03-01T09:30').toISOString());
    expect(scheduled.draft).toBeUndefined();
    expect(eventBody({ ...draft, revealHours: '2' }, 'group').locationRevealBefore).toBe('PT2H');
    expect(
      eventBody({ ...draft, hiddenLocation: false, revealHours: '2' }, 'group').locationRevealBefore,
    ).toBeUndefined();
    // Published when edited with "publish now": the patch clears draft and publishAt.
    const patch = eventBody({ ...draft, publication: 'NOW' }, 'group', true);
    expect(patch.draft).toBeNull();
    expect(patch.publishAt).toBeNull();
  });

  it('sends a capacity that is no whole number as typed, for the server to refuse by name, and an empty one as none', () => {
    expect(eventBody({ ...draft, capacity: '۵۰ نفر' }, 'group').capacity).toBe('۵۰ نفر');
    expect(eventBody({ ...draft, capacity: '1,000' }, 'group').capacity).toBe(1000);
    expect(eventBody({ ...draft, capacity: ' ' }, 'group', true).capacity).toBeNull();
    expect(eventBody({ ...draft, capacity: '0' }, 'group').capacity).toBe(0);
  });

  it('passes on the email-confirmed RSVP mode', () => {
    expect(eventBody({ ...draft, rsvpMode: 'EMAIL_CONFIRMED' }, 'group').rsvpMode).toBe('EMAIL_CONFIRMED');
  });

  it('sends accessibility and languages when given, and clears them on a patch when removed', () => {
    const body = eventBody(
      {
        ...draft,
        accessibility: ['STEP_FREE_ACCESS', 'SEATING'],
        accessibilityNote: ' Ramp at the side ',
        languages: 'fa, en-GB',
      },
      'group',
    );
    expect(body.accessibility).toEqual({ features: ['STEP_FREE_ACCESS', 'SEATING'], note: 'Ramp at the side' });
    expect(body.languages).toEqual(['fa', 'en-GB']);
    expect(eventBody(draft, 'group')).not.toHaveProperty('accessibility');
    const cleared = eventBody(draft, 'group', true);
    expect(cleared.accessibility).toBeNull();
    expect(cleared.languages).toBeNull();
  });
});

describe('a new event for a campaign’s call', () => {
  freshPageEachTest();

  it('starts its description from the call’s template, and says so', async () => {
    fakeFetch({
      'GET /api/v1/campaigns/united/call': () => ({
        status: 200,
        body: { open: true, template: 'A vigil in our city for the prisoners', materials: [], reviewChanges: false },
      }),
    });
    const el = document.createElement('tocsin-event-editor');
    el.setAttribute('organization', 'leipzig');
    el.setAttribute('fromCampaign', 'united');
    document.body.append(el);
    await until(() => !!el.querySelector<HTMLTextAreaElement>('#ev-description')?.value, 'the template');
    expect(el.querySelector<HTMLTextAreaElement>('#ev-description')!.value).toBe(
      'A vigil in our city for the prisoners',
    );
    expect(el.querySelector('#ev-description-template')!.textContent).toContain("the campaign's template");
  });
});

describe('numbers typed in the editor', () => {
  freshPageEachTest();

  const SAVED = aVigil({
    timeZone: 'Asia/Tehran',
    startUtc: '2027-01-07T14:30:00Z',
    endUtc: '2027-01-07T15:30:00Z',
    place: { city: 'tehran', countryCode: 'IR', lat: 35.7, lon: 51.4 },
    locationVisibility: 'ATTENDEES',
    locationRevealAt: '2027-01-07T12:30:00Z',
    capacity: 1200,
  });

  function type(el: Element, selector: string, value: string) {
    const input = el.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** The saved event open in the editor, for a Persian organizer; {@code patch} answers its saves. */
  async function openInPersian(patch: () => { status: number; body: unknown }) {
    setLanguage('fa', false);
    const calls = fakeFetch({
      'GET /api/v1/events/e1': () => ({ status: 200, body: SAVED }),
      'GET /api/v1/events/e1/notes': () => ({ status: 200, body: { text: '' } }),
      'PATCH /api/v1/events/e1': patch,
    });
    const el = document.createElement('tocsin-event-editor');
    el.setAttribute('eventId', 'e1');
    document.body.append(el);
    await until(() => !!el.querySelector('#ev-capacity'), 'the loaded event');
    return { el, calls };
  }

  it('shows capacity and reveal hours in Persian digits in text fields, and sends what a Persian organizer types as numbers', async () => {
    const { el, calls } = await openInPersian(() => ({ status: 200, body: SAVED }));
    const capacity = el.querySelector<HTMLInputElement>('#ev-capacity')!;
    // A number field would drop "۵۰" in some browsers; a text field with a digit keyboard keeps it.
    expect(capacity.type).toBe('text');
    expect(capacity.getAttribute('inputmode')).toBe('numeric');
    expect(capacity.value).toBe('۱۲۰۰');
    const reveal = el.querySelector<HTMLInputElement>('#ev-revealHours')!;
    expect(reveal.type).toBe('text');
    expect(reveal.value).toBe('۲');
    type(el, '#ev-capacity', '۵۰');
    type(el, '#ev-revealHours', '٣');
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => calls.some((c) => c.method === 'PATCH'), 'the save');
    const body = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    expect(body.capacity).toBe(50);
    expect(body.locationRevealBefore).toBe('PT3H');
  });

  it('keeps a point a Persian organizer types in Persian digits, and sends a mistyped one for the server to refuse', async () => {
    const { el, calls } = await openInPersian(() =>
      calls.filter((c) => c.method === 'PATCH').length === 1
        ? { status: 200, body: SAVED }
        : {
            status: 400,
            body: {
              status: 400,
              title: 'Invalid request',
              errors: [{ field: 'place.lon', message: 'not a number' }],
            },
          },
    );
    const lat = el.querySelector<HTMLInputElement>('#ev-lat')!;
    // A number field empties "۳۵٫۶۸۹" in browsers that do not read Persian digits, and the point was lost.
    expect(lat.type).toBe('text');
    expect(lat.getAttribute('inputmode')).toBe('decimal');
    type(el, '#ev-lat', '۳۵٫۶۸۹');
    type(el, '#ev-lon', '۵۱٫۳۸۹');
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => calls.some((c) => c.method === 'PATCH'), 'the save');
    const place = (calls.find((c) => c.method === 'PATCH')!.body as { place: Record<string, unknown> }).place;
    expect(place.lat).toBe(35.689);
    expect(place.lon).toBe(51.389);

    type(el, '#ev-lon', 'شرق');
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => calls.filter((c) => c.method === 'PATCH').length === 2, 'the second save');
    const second = (calls.filter((c) => c.method === 'PATCH')[1].body as { place: Record<string, unknown> }).place;
    expect(second.lon).toBe('شرق');
    // The server's refusal, once, on the field it names.
    await until(() => el.querySelector('#ev-lon')!.getAttribute('aria-invalid') === 'true', 'the refusal');
    expect(el.querySelectorAll('.field-error').length).toBe(1);
    expect(el.querySelector('#ev-lon-error')!.textContent).toBe('not a number');
  });
});
