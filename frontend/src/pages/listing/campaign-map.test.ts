import { describe, expect, it } from 'vitest';
import { render } from 'lit';
import { campaignMap, dots, project, radius } from './campaign-map';
import './campaign-page';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';
import type { CityCount } from '../../core/types';

const BERLIN: CityCount = { city: 'Berlin', countryCode: 'DE', cityKey: 'de/berlin', lat: 52.5, lon: 13.4, events: 4 };
const SYDNEY: CityCount = {
  city: 'Sydney',
  countryCode: 'AU',
  cityKey: 'au/sydney',
  lat: -33.9,
  lon: 151.2,
  events: 1,
};
const ONLINE: CityCount = { city: 'online', countryCode: '', cityKey: 'online', events: 2 };

freshPageEachTest();

describe('the campaign map projection', () => {
  it('is equirectangular: longitude to x, latitude to y, north up', () => {
    expect(project(0, 0)).toEqual({ x: 180, y: 90 });
    expect(project(90, -180)).toEqual({ x: 0, y: 0 });
    expect(project(-90, 180)).toEqual({ x: 0, y: 180 }); // 180° east is 180° west
    const berlin = project(52.5, 13.4);
    expect(berlin.x).toBeCloseTo(193.4);
    expect(berlin.y).toBeCloseTo(37.5);
    expect(project(95, 190)).toEqual({ x: 10, y: 0 }); // out of range: clamped and wrapped
  });

  it('gives the busiest city the largest dot, areas growing with the count', () => {
    expect(radius(4, 4)).toBe(8);
    expect(radius(1, 4)).toBe(5); // a quarter of the actions, half the radius above the minimum
    expect(radius(0, 4)).toBe(2);
    expect(dots([SYDNEY, ONLINE, BERLIN]).map((d) => d.city.cityKey)).toEqual(['de/berlin', 'au/sydney']);
  });
});

describe('the campaign map', () => {
  it('draws one dot per placed city: Berlin north-west of Sydney, and larger', () => {
    const host = document.createElement('div');
    render(campaignMap([BERLIN, SYDNEY, ONLINE], 'World map'), host);
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('World map');
    expect(svg.getAttribute('viewBox')).toBe('0 0 360 180');
    const circles = [...svg.querySelectorAll('circle')];
    expect(circles).toHaveLength(2);
    const at = (key: string) => {
      const c = circles.find((x) => x.getAttribute('data-city') === key)!;
      return { x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) };
    };
    expect(at('de/berlin')).toEqual({ x: 193.4, y: 37.5, r: 8 });
    expect(at('au/sydney')).toEqual({ x: 331.2, y: 123.9, r: 5 });
    expect(svg.querySelector('a')).toBeNull(); // a picture: the links are in the list
  });

  it('is left out when no city has a place', () => {
    const host = document.createElement('div');
    render(campaignMap([ONLINE], 'World map'), host);
    expect(host.querySelector('svg')).toBeNull();
  });

  it('sits on the campaign page above the list of cities, which keeps the links, in Persian too', async () => {
    fakeFetch({
      'GET /api/v1/campaigns/day': () => ({
        status: 200,
        body: {
          id: 'c1',
          slug: 'day',
          name: 'Day of action',
          organization: { slug: 'group', name: 'Group' },
          cities: [BERLIN, SYDNEY, ONLINE],
          totalEvents: 7,
        },
      }),
    });
    setLanguage('fa', false);
    const el = document.createElement('tocsin-campaign-page') as HTMLElement & { slug: string };
    el.slug = 'day';
    document.body.append(el);
    await until(() => !!el.querySelector('svg.campaign-map'), 'the map');
    expect(el.querySelectorAll('svg.campaign-map circle')).toHaveLength(2);
    expect(el.querySelector('svg.campaign-map')!.getAttribute('aria-label')).toContain('نقشه');
    const links = [...el.querySelectorAll('.city-counts a')].map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(2);
    expect(links[0]).toContain('de/berlin');
  });
});
