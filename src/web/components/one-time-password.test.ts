import { describe, expect, it } from 'vitest';
import { holdOneTimePassword, takeOneTimePassword } from './one-time-password.ts';

describe('the one-time password held between sign-in and the first-password page', () => {
  it('is given once, then forgotten', () => {
    holdOneTimePassword('k7m2p9qrst');
    expect(takeOneTimePassword()).toBe('k7m2p9qrst');
    expect(takeOneTimePassword()).toBeNull();
  });
  it('is cleared by a sign-in with an ordinary password', () => {
    holdOneTimePassword('k7m2p9qrst');
    holdOneTimePassword(null);
    expect(takeOneTimePassword()).toBeNull();
  });
});
