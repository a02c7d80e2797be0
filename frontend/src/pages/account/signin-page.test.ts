import { describe, expect, it } from 'vitest';
import './account-pages';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

freshPageEachTest();

describe('the sign-in page', () => {
  it('asks for the code after a right password on an account with two-factor sign-in', async () => {
    const calls = fakeFetch({
      'POST /api/v1/auth/login': () => ({
        status: 202,
        body: { secondFactorRequired: true, challenge: 'ch-1', expiresAt: '2030-01-01T00:00:00Z' },
      }),
      'POST /api/v1/auth/login/second-factor': () => ({
        status: 401,
        body: { type: '/problems/bad-second-factor', title: 'Sign-in failed', status: 401 },
      }),
    });
    const el = document.createElement('tocsin-signin-page');
    document.body.append(el);
    await until(() => !!el.querySelector('#signin-email'), 'the form');
    el.querySelector<HTMLInputElement>('#signin-email')!.value = 'ana@example.org';
    el.querySelector<HTMLInputElement>('#signin-password')!.value = 'a long enough passphrase';
    buttonWithText(el, 'Sign in')!.click();
    await until(() => !!el.querySelector('#signin-code'), 'the code step');
    expect(el.querySelector('#signin-password')).toBeNull();
    el.querySelector<HTMLInputElement>('#signin-code')!.value = '123 456';
    buttonWithText(el, 'Sign in')!.click();
    await until(() => !!el.querySelector('[role=alert]'), 'the refusal');
    expect(calls.find((c) => c.path === '/api/v1/auth/login/second-factor')!.body).toEqual({
      challenge: 'ch-1',
      code: '123 456',
    });
    expect(el.querySelector('[role=alert]')!.textContent).toContain('That code is wrong');
    buttonWithText(el, 'Start over')!.click();
    await until(() => !!el.querySelector('#signin-password'), 'the first step again');
  });
});
