import type { EventView } from '../../core/types';

/** schema.org Event for search engines and link previews; hidden locations stay hidden. */
export function eventJsonLd(e: EventView, origin: string): Record<string, unknown> {
  const physical = e.place && !e.locationHidden;
  const online = e.online?.url;
  const mode =
    physical && online
      ? 'MixedEventAttendanceMode'
      : online || !e.place
        ? 'OnlineEventAttendanceMode'
        : 'OfflineEventAttendanceMode';
  const locations: unknown[] = [];
  if (e.place) {
    locations.push({
      '@type': 'Place',
      name: physical ? (e.place.venue ?? e.place.city) : e.place.city,
      address: {
        '@type': 'PostalAddress',
        ...(physical && e.place.address ? { streetAddress: e.place.address } : {}),
        addressLocality: e.place.city,
        addressCountry: e.place.countryCode,
      },
    });
  }
  if (online) locations.push({ '@type': 'VirtualLocation', url: online });
  const status =
    e.status === 'CANCELLED' ? 'EventCancelled' : e.status === 'POSTPONED' ? 'EventPostponed' : 'EventScheduled';
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    ...(e.description ? { description: e.description } : {}),
    startDate: e.startUtc,
    endDate: e.endUtc,
    eventStatus: `https://schema.org/${status}`,
    eventAttendanceMode: `https://schema.org/${mode}`,
    ...(locations.length ? { location: locations.length === 1 ? locations[0] : locations } : {}),
    organizer: {
      '@type': 'Organization',
      name: e.organization.name,
      url: `${origin}/organizations/${e.organization.slug}`,
    },
    url: `${origin}/events/${e.id}`,
    ...(e.speakers?.length ? { performer: e.speakers.map((s) => ({ '@type': 'Person', name: s.name })) } : {}),
  };
}
