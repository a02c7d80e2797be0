import { describe, expect, it } from 'vitest';
import './my-submissions';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

freshPageEachTest();

describe('an organization’s submissions', () => {
  it('lists each with its campaign, its state and the reviewers’ reason', async () => {
    fakeFetch({
      'GET /api/v1/organizations/leipzig/submissions': () => ({
        status: 200,
        body: [
          {
            id: 's1',
            state: 'DECLINED',
            reason: 'Not on the day',
            submittedAt: '2027-09-01T10:00:00Z',
            campaign: { slug: 'united', name: 'United Against Executions' },
            event: { id: 'e1', title: 'Vigil', startDate: '2027-10-12', online: false },
          },
        ],
      }),
    });
    const el = document.createElement('tocsin-my-submissions');
    el.setAttribute('slug', 'leipzig');
    document.body.append(el);
    await until(() => el.textContent!.includes('United Against Executions'), 'the list');
    expect(el.textContent).toContain('Declined');
    expect(el.textContent).toContain('Not on the day');
    expect(el.querySelector('a')!.getAttribute('href')).toBe('/campaigns/united');
  });
});
