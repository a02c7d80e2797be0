import { describe, expect, it } from 'vitest';
import './password-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

function mount() {
  const el = document.createElement('tocsin-password-panel');
  document.body.append(el);
  return el;
}

function fill(el: Element, current: string, next: string) {
  el.querySelector<HTMLInputElement>('#current-password')!.value = current;
  el.querySelector<HTMLInputElement>('#new-password')!.value = next;
}

freshPageEachTest();

describe('the password panel', () => {
  it('changes the password and says what stopped working, so the person can make new addresses', async () => {
    const calls = fakeFetch({
      'POST /api/v1/me/password': () => ({
        status: 200,
        body: { otherSessionsEnded: 2, revoked: { apiTokens: 1, calendarFeed: 1, organizationFeeds: 3 }, message: 'x' },
      }),
    });
    const el = mount();
    let revoked = 0;
    el.addEventListener('credentials-revoked', () => revoked++);
    await until(() => !!buttonWithText(el, 'Change password'), 'the form');
    fill(el, 'old secret words here', 'a brand new passphrase of mine');
    buttonWithText(el, 'Change password')!.click();
    await until(() => !!el.querySelector('[role=status]'), 'the answer');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/me/password');
    expect(post.body).toEqual({
      currentPassword: 'old secret words here',
      newPassword: 'a brand new passphrase of mine',
    });
    const text = el.querySelector('[role=status]')!.textContent!;
    expect(text).toContain('Other devices signed out: 2.');
    expect(text).toContain('API tokens turned off: 1.');
    expect(text).toContain('Your calendar address was turned off.');
    expect(text).toContain('Private organization calendar addresses turned off: 3.');
    expect(text).toContain('Make new ones');
    expect(revoked).toBe(1);
    expect(el.querySelector<HTMLInputElement>('#new-password')!.value).toBe('');
  });

  it('shows the server’s complaint next to the new password and changes nothing', async () => {
    fakeFetch({
      'POST /api/v1/me/password': () => ({
        status: 400,
        body: {
          type: '/problems/validation',
          title: 'Invalid',
          errors: [{ field: 'newPassword', message: 'This is a commonly used password.' }],
        },
      }),
    });
    const el = mount();
    let revoked = 0;
    el.addEventListener('credentials-revoked', () => revoked++);
    await until(() => !!buttonWithText(el, 'Change password'), 'the form');
    fill(el, 'old secret words here', 'password123');
    buttonWithText(el, 'Change password')!.click();
    await until(() => !!el.querySelector('#new-password-error'), 'the field error');
    expect(el.querySelector('#new-password-error')!.textContent).toContain('commonly used');
    expect(el.querySelector('#new-password')!.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('[role=status]')).toBeNull();
    expect(revoked).toBe(0);
  });
});
