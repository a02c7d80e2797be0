import type { EventView } from '../core/types';

/** A published one-off vigil in Berlin on 7 January 2027, as the API shows it; tests override what they are about. */
export function aVigil(overrides: Record<string, unknown> = {}): EventView {
  return {
    id: 'e1',
    organization: { slug: 'group', name: 'Group' },
    title: 'Vigil',
    kind: 'VIGIL',
    status: 'SCHEDULED',
    start: '2027-01-07T18:00',
    end: '2027-01-07T19:00',
    timeZone: 'Europe/Berlin',
    startUtc: '2027-01-07T17:00:00Z',
    endUtc: '2027-01-07T18:00:00Z',
    locationHidden: false,
    sequence: 0,
    ...overrides,
  } as unknown as EventView;
}
