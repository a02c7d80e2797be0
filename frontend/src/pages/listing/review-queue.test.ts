import { describe, expect, it } from 'vitest';
import './review-queue';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

const ITEM = (id: string, state = 'PENDING') => ({
  id,
  state,
  submittedAt: '2027-09-01T10:00:00Z',
  campaign: { slug: 'united', name: 'United' },
  event: { id: `e${id}`, title: `Vigil ${id}`, startDate: '2027-10-10', city: 'Leipzig', online: false },
  organization: { slug: 'leipzig', name: 'Leipzig group' },
  history: { pending: 1, approved: 3, declined: 0 },
});

function mount() {
  const el = document.createElement('tocsin-review-queue');
  el.setAttribute('slug', 'united');
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('the review queue', () => {
  it('renders nothing for those the server refuses', async () => {
    const calls = fakeFetch({ 'GET /api/v1/campaigns/united/submissions': () => ({ status: 403 }) });
    const el = mount();
    await until(() => calls.length > 0, 'the request');
    await new Promise((r) => setTimeout(r, 20));
    expect(el.textContent!.trim()).toBe('');
  });

  it('shows each submitter with its record, approves, declines with a reason, and approves a selection', async () => {
    let queue = [ITEM('1'), ITEM('2'), ITEM('3')];
    const calls = fakeFetch({
      'GET /api/v1/campaigns/united/submissions': () => ({ status: 200, body: queue }),
      'POST /api/v1/campaigns/united/submissions/1/approve': () => {
        queue = queue.filter((s) => s.id !== '1');
        return { status: 200, body: ITEM('1', 'APPROVED') };
      },
      'POST /api/v1/campaigns/united/submissions/2/decline': () => {
        queue = queue.filter((s) => s.id !== '2');
        return { status: 200, body: ITEM('2', 'DECLINED') };
      },
      'POST /api/v1/campaigns/united/submissions/approve': () => {
        queue = [];
        return { status: 200, body: [ITEM('3', 'APPROVED')] };
      },
    });
    const el = mount();
    await until(() => el.textContent!.includes('Vigil 3'), 'the queue');
    expect(el.textContent).toContain('3 approved, 0 declined, 1 pending');

    buttonWithText(el.querySelector('li[data-id="1"]')!, 'Approve')!.click();
    await until(() => !el.querySelector('li[data-id="1"]'), 'the approval');

    buttonWithText(el.querySelector('li[data-id="2"]')!, 'Decline')!.click();
    await until(() => !!el.querySelector('#reason-2'), 'the reason field');
    (el.querySelector('#reason-2') as HTMLInputElement).value = 'Unknown group';
    (el.querySelector('li[data-id="2"] form') as HTMLFormElement).requestSubmit();
    await until(() => !el.querySelector('li[data-id="2"]'), 'the decline');
    expect(calls.find((c) => c.path.endsWith('/2/decline'))!.body).toEqual({ reason: 'Unknown group' });

    const box = el.querySelector<HTMLInputElement>('li[data-id="3"] input[type="checkbox"]')!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await until(() => buttonWithText(el, 'Approve selected (1)') !== undefined, 'the selection');
    buttonWithText(el, 'Approve selected (1)')!.click();
    await until(() => el.textContent!.includes('No submissions match.'), 'the empty queue');
    expect(calls.find((c) => c.path.endsWith('/submissions/approve'))!.body).toEqual({ ids: ['3'] });
  });
});
