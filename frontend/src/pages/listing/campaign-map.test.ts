import { describe, expect, it } from 'vitest';
import { render } from 'lit';
import { campaignMap, dots, labels, project, radius, viewFor } from './campaign-map';
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

/** Every dot lies whole inside the picture's viewBox. */
function expectInside(svg: SVGSVGElement) {
  const [x, y, w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  for (const c of svg.querySelectorAll('circle')) {
    const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)));
    expect(cx - r, c.getAttribute('data-city')!).toBeGreaterThanOrEqual(x);
    expect(cx + r, c.getAttribute('data-city')!).toBeLessThanOrEqual(x + w);
    expect(cy - r).toBeGreaterThanOrEqual(y);
    expect(cy + r).toBeLessThanOrEqual(y + h);
  }
}

const city = (name: string, lat: number, lon: number, events: number): CityCount => ({
  city: name,
  countryCode: 'XX',
  cityKey: `xx/${name.toLowerCase()}`,
  lat,
  lon,
  events,
});

describe('the campaign map', () => {
  it('fits every dot, Auckland at the edge of the world too, and zooms in on a regional campaign', () => {
    const world = document.createElement('div');
    render(
      campaignMap(
        [city('Auckland', -36.8, 174.8, 9), city('Vancouver', 49.3, -123.1, 3), city('Berlin', 52.5, 13.4, 9)],
        'World',
      ),
      world,
    );
    expectInside(world.querySelector('svg')!);

    const europe = document.createElement('div');
    render(campaignMap([city('Berlin', 52.5, 13.4, 9), city('Paris', 48.9, 2.4, 4)], 'Europe'), europe);
    const svg = europe.querySelector('svg')!;
    expectInside(svg);
    expect(Number(svg.getAttribute('viewBox')!.split(' ')[2])).toBeLessThan(180);
  });

  it('names the largest clusters, not every city, and draws the land it is given', () => {
    const cities = [
      city('Berlin', 52.5, 13.4, 20),
      city('Potsdam', 52.4, 13.1, 2),
      city('Tehran', 35.7, 51.4, 15),
      city('Auckland', -36.8, 174.8, 1),
      ...Array.from({ length: 12 }, (_, i) => city(`Town${i}`, -40 + i * 7, -100 + i * 3, 1)),
    ];
    const v = viewFor(dots(cities));
    const names = labels(dots(cities), v).map((l) => l.text);
    expect(names[0]).toBe('Berlin +1');
    expect(names).toContain('Tehran');
    expect(names.length).toBeLessThanOrEqual(5);

    const host = document.createElement('div');
    render(campaignMap(cities, 'World', 'M0 0L10 0L10 10Z'), host);
    expect(host.querySelector('path.land')!.getAttribute('d')).toBe('M0 0L10 0L10 10Z');
    expect([...host.querySelectorAll('text.label')].map((x) => x.textContent)).toEqual(names);
  });

  it('draws one dot per placed city: Berlin north-west of Sydney, and larger', () => {
    const host = document.createElement('div');
    render(campaignMap([BERLIN, SYDNEY, ONLINE], 'World map'), host);
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('World map');
    const circles = [...svg.querySelectorAll('circle')];
    expect(circles).toHaveLength(2);
    const at = (key: string) => {
      const c = circles.find((x) => x.getAttribute('data-city') === key)!;
      return { x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) };
    };
    expect(at('de/berlin')).toMatchObject({ x: 193.4, y: 37.5 });
    expect(at('au/sydney')).toMatchObject({ x: 331.2, y: 123.9 });
    expect(at('de/berlin').r).toBeGreaterThan(at('au/sydney').r);
    expectInside(svg);
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
