import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Session, decodeClaims, isExpired } from '../src/session';
import { fakeCrms, fakeToken, json } from './fake-crms';
import { renderApp } from './render';

describe('When an administrator signs in with a token', () => {
  it('then a malformed or expired token is refused with a reason', () => {
    const session = new Session({ storage: undefined, channel: null });
    expect(session.signIn('not-a-token')).toMatch(/not an access token/);
    expect(session.signIn(fakeToken({ exp: Math.floor(Date.now() / 1000) - 5 }))).toMatch(/expired/);
    expect(session.token).toBeNull();
    expect(session.signIn(`Bearer ${fakeToken()}`)).toBeNull();
    expect(decodeClaims(session.token ?? '')?.role).toBe('Administrator');
  });

  it('then the session ends by itself when the token expires', () => {
    vi.useFakeTimers();
    try {
      const session = new Session({ storage: undefined, channel: null });
      session.signIn(fakeToken({ exp: Math.floor(Date.now() / 1000) + 60 }));
      expect(isExpired(session.snapshot.claims)).toBe(false);
      vi.advanceTimersByTime(61_000);
      expect(session.token).toBeNull();
      expect(session.snapshot.notice).toMatch(/expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('then a 401 from CRMS leads back to the sign-in screen', async () => {
    const fake = fakeCrms([(req) => (req.path === '/api/customers' ? json(401, { success: false, message: 'Token expired', errors: [] }) : undefined)]);
    renderApp(fake, '/');
    expect(await screen.findByRole('heading', { name: 'Sign in to the CRMS Console' })).toBeTruthy();
    await waitFor(() => expect(fake.session.token).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(/session has ended/);
  });
});
