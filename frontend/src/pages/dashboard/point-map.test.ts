import { describe, expect, it } from 'vitest';
import { SPAN, unproject, viewAround } from './point-map';
import { project } from '../listing/campaign-map';
import { eventBody } from './event-editor';

describe('the meeting point map', () => {
  it('turns a point of the map back into the latitude and longitude it shows, to about ten metres', () => {
    for (const [lat, lon] of [
      [35.6944, 51.4215],
      [52.0333, 8.5333],
      [-36.8485, 174.7633],
      [40.7128, -74.006],
    ]) {
      const p = project(lat, lon);
      expect(unproject(p.x, p.y)).toEqual({ lat, lon });
    }
    expect(unproject(project(35.69441234, 51.42159876).x, project(35.69441234, 51.42159876).y)).toEqual({
      lat: 35.6944,
      lon: 51.4216,
    });
  });

  it('is centred on the city, SPAN degrees wide and half as high', () => {
    const v = viewAround(35.6944, 51.4215);
    const c = project(35.6944, 51.4215);
    expect(v.width).toBe(SPAN);
    expect(v.height).toBe(SPAN / 2);
    expect(v.x + v.width / 2).toBeCloseTo(c.x, 9);
    expect(v.y + v.height / 2).toBeCloseTo(c.y, 9);
  });

  it('is saved with the event as numbers, and cleared in a patch when the fields are empty', () => {
    const base = {
      title: 'Vigil',
      description: '',
      kind: 'VIGIL',
      start: '2027-03-04T18:00',
      end: '2027-03-04T19:00',
      timeZone: 'Asia/Tehran',
      city: 'تهران',
      countryCode: 'IR',
      venue: '',
      address: '',
      mode: 'IN_PERSON' as const,
      onlineUrl: '',
      platform: '',
      capacity: '',
      rsvpMode: 'OPEN',
      visibility: 'PUBLIC',
      hiddenLocation: false,
      repeats: false,
      weekday: 'TH' as const,
      until: '',
      campaign: '',
      speakers: '',
      tags: '',
      accessibility: [] as string[],
      accessibilityNote: '',
      languages: '',
    };
    expect(eventBody({ ...base, lat: '35.7001', lon: '51.4102' }, 'group').place).toEqual({
      city: 'تهران',
      countryCode: 'IR',
      lat: 35.7001,
      lon: 51.4102,
    });
    expect(eventBody({ ...base, lat: '', lon: '' }, 'group').place).toEqual({ city: 'تهران', countryCode: 'IR' });
    expect(eventBody({ ...base, lat: '', lon: '' }, 'group', true).place).toEqual({
      city: 'تهران',
      countryCode: 'IR',
      lat: null,
      lon: null,
    });
  });
});
