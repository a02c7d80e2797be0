import { describe, expect, it } from 'vitest';
import { eventJsonLd } from './jsonld';
import type { EventView } from '../../core/types';
import { aVigil } from '../../test/events';

const base: EventView = aVigil({
  place: { venue: 'Square', address: 'Main St 1', city: 'Berlin', countryCode: 'DE' },
});

describe('schema.org Event', () => {
  it('describes an in-person event with its place and organizer', () => {
    const ld = eventJsonLd(base, 'https://tocsin.example');
    expect(ld).toMatchObject({
      '@type': 'Event',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Square',
        address: { streetAddress: 'Main St 1', addressLocality: 'Berlin' },
      },
      organizer: { name: 'Group', url: 'https://tocsin.example/organizations/group' },
    });
  });

  it('says cancelled, online and hybrid, and never leaks a hidden location', () => {
    const online = eventJsonLd(
      { ...base, place: undefined, online: { url: 'https://meet.example/x' }, status: 'CANCELLED' },
      'o',
    );
    expect(online.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(online.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(online.location).toEqual({ '@type': 'VirtualLocation', url: 'https://meet.example/x' });
    const hidden = JSON.stringify(
      eventJsonLd({ ...base, locationHidden: true, place: { city: 'Berlin', countryCode: 'DE' } }, 'o'),
    );
    expect(hidden).not.toContain('Main St');
    const hybrid = eventJsonLd({ ...base, online: { url: 'https://meet.example/x' } }, 'o');
    expect(hybrid.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
  });
});
