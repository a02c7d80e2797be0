import { describe, expect, it } from 'vitest';
import './two-factor-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

function mount() {
  const el = document.createElement('tocsin-two-factor-panel');
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('the two-factor panel', () => {
  it('shows the QR code and key once, confirms with a code and then shows the recovery codes', async () => {
    let enabled = false;
    const calls = fakeFetch({
      'GET /api/v1/me/two-factor': () => ({
        status: 200,
        body: { enabled, recoveryCodesLeft: enabled ? 10 : 0 },
      }),
      'POST /api/v1/me/two-factor/setup': () => ({
        status: 200,
        body: {
          secret: 'JBSWY3DPEHPK3PXP',
          otpauthUri: 'otpauth://totp/x',
          qrCodeSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
        },
      }),
      'POST /api/v1/me/two-factor/confirm': () => {
        enabled = true;
        return { status: 200, body: { recoveryCodes: ['abcde-fghjk', 'mnpqr-stuvw'] } };
      },
    });
    const el = mount();
    await until(() => !!buttonWithText(el, 'Turn on two-factor sign-in'), 'the off state');
    buttonWithText(el, 'Turn on two-factor sign-in')!.click();
    await until(() => !!el.querySelector('img.qr'), 'the QR code');
    expect(el.querySelector('img.qr')!.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(el.querySelector('.secret')!.textContent).toBe('JBSWY3DPEHPK3PXP');
    el.querySelector<HTMLInputElement>('#two-factor-confirm-code')!.value = ' 123456 ';
    buttonWithText(el, 'Turn on')!.click();
    await until(() => !!el.querySelector('.recovery-codes'), 'the recovery codes');
    expect(calls.find((c) => c.path === '/api/v1/me/two-factor/confirm')!.body).toEqual({ code: '123456' });
    expect(el.querySelector('.recovery-codes')!.textContent).toContain('abcde-fghjk');
    await until(() => el.textContent!.includes('Recovery codes left: 10'), 'the on state');
    // The secret is not on the page any more.
    expect(el.querySelector('.secret')).toBeNull();
  });

  it('says so when the code is wrong, and stays in enrolment', async () => {
    fakeFetch({
      'GET /api/v1/me/two-factor': () => ({ status: 200, body: { enabled: false, recoveryCodesLeft: 0 } }),
      'POST /api/v1/me/two-factor/setup': () => ({
        status: 200,
        body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrCodeSvg: '<svg/>' },
      }),
      'POST /api/v1/me/two-factor/confirm': () => ({
        status: 400,
        body: { type: '/problems/bad-second-factor', title: 'Wrong code', status: 400 },
      }),
    });
    const el = mount();
    await until(() => !!buttonWithText(el, 'Turn on two-factor sign-in'), 'the off state');
    buttonWithText(el, 'Turn on two-factor sign-in')!.click();
    await until(() => !!el.querySelector('#two-factor-confirm-code'), 'the code field');
    el.querySelector<HTMLInputElement>('#two-factor-confirm-code')!.value = '000000';
    buttonWithText(el, 'Turn on')!.click();
    await until(() => !!el.querySelector('[role=alert]'), 'the error');
    expect(el.querySelector('img.qr')).not.toBeNull();
    expect(el.querySelector('.recovery-codes')).toBeNull();
  });
});
