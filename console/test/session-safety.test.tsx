import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Session, type TabChannel, type TabMessage } from '../src/session';
import { fakeCrms, fakeToken, json } from './fake-crms';
import { renderApp } from './render';

const page = (names: string[]) => ({
  success: true,
  message: 'ok',
  data: {
    customers: names.map((fullName, i) => ({
      customerId: String(i + 1).padStart(24, 'a'),
      userId: String(i + 1).padStart(24, 'b'),
      fullName,
      email: `${fullName.split(' ')[0]?.toLowerCase()}@example.com`,
      customerStatus: 'Active',
      customerType: 'Regular',
      customerSince: '2025-01-01T00:00:00.000Z',
      totalOrders: 1,
      totalOrderValue: 10,
      openComplaints: 0,
    })),
    pagination: { totalItems: names.length, totalPages: 1, limit: 20, nextCursor: null },
  },
});

/** Two tabs' channels, delivering to each other asynchronously as BroadcastChannel does. */
function channelPair(): [TabChannel, TabChannel] {
  const a: TabChannel = { onmessage: null, postMessage: (m: TabMessage) => queueMicrotask(() => b.onmessage?.({ data: m })) };
  const b: TabChannel = { onmessage: null, postMessage: (m: TabMessage) => queueMicrotask(() => a.onmessage?.({ data: m })) };
  return [a, b];
}

describe('When the session changes hands', () => {
  it('then after signing out, the next token is never shown the customers cached for the previous one', async () => {
    let firstAdmin = true;
    const fake = fakeCrms([
      (req) => (req.path === '/api/customers' ? (firstAdmin ? json(200, page(['Asha Rao'])) : new Promise<Response>(() => {})) : undefined) as Response | undefined,
    ]);
    renderApp(fake, '/');
    expect(await screen.findByRole('link', { name: 'Asha Rao' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    firstAdmin = false;
    await userEvent.type(await screen.findByRole('textbox', { name: 'Access token' }), fakeToken({ userId: 'c'.repeat(24), email: 'other@example.com' }));
    await userEvent.click(screen.getByRole('button', { name: 'Use this token' }));
    expect(await screen.findByRole('heading', { name: 'Customers' })).toBeTruthy();
    expect(screen.queryByText('Asha Rao')).toBeNull();
  });

  it('then a token that is not an administrator\'s is refused at sign-in with a plain message', async () => {
    const fake = fakeCrms([]);
    fake.session.signOut();
    renderApp(fake, '/');
    await userEvent.type(await screen.findByRole('textbox', { name: 'Access token' }), fakeToken({ role: 'Customer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Use this token' }));
    expect(screen.getByText(/Customer token: the console is for administrators only/)).toBeTruthy();
    expect(fake.session.token).toBeNull();
    expect(fake.seen).toHaveLength(0);
  });

  it('then the sign-in help names the command that prints a token', async () => {
    const fake = fakeCrms([]);
    fake.session.signOut();
    renderApp(fake, '/');
    expect((await screen.findByText(/make -s token/)).textContent).toBe('make -s token');
  });
});

describe('When the access token nears its expiry', () => {
  it('then the administrator is warned, and after expiry signs in again on the same screen', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const fake = fakeCrms([(req) => (req.path === '/api/customers' ? json(200, page(['Asha Rao'])) : undefined)]);
      fake.session.signIn(fakeToken({ exp: Math.floor(Date.now() / 1000) + 180 }));
      const { location } = renderApp(fake, '/?status=Active');
      expect(await screen.findByText(/Session ends at/)).toBeTruthy();
      expect(screen.queryByText(/Your session ends at/)).toBeNull();
      act(() => vi.advanceTimersByTime(61_000));
      expect(await screen.findByText(/Your session ends at/)).toBeTruthy();
      act(() => vi.advanceTimersByTime(120_000));
      expect(await screen.findByRole('heading', { name: 'Sign in to the CRMS Console' })).toBeTruthy();
      expect(screen.getByRole('status').textContent).toMatch(/expired/);
      expect(location.history?.at(-1)).toBe('/?status=Active');
      vi.useRealTimers();
      await userEvent.type(screen.getByRole('textbox', { name: 'Access token' }), fakeToken());
      await userEvent.click(screen.getByRole('button', { name: 'Use this token' }));
      expect(await screen.findByRole('link', { name: 'Asha Rao' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('then a login\'s refresh token renews it before expiry without a new sign-in', async () => {
    vi.useFakeTimers();
    try {
      const session = new Session({ storage: undefined, channel: null });
      const renewed = fakeToken({ exp: Math.floor(Date.now() / 1000) + 900 });
      const renew = vi.fn(async (_refresh: string) => renewed);
      session.setRenew(renew);
      session.signIn(fakeToken({ exp: Math.floor(Date.now() / 1000) + 120 }), 'refresh-1');
      await vi.advanceTimersByTimeAsync(61_000);
      expect(renew).toHaveBeenCalledWith('refresh-1');
      expect(session.token).toBe(renewed);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(session.token).toBe(renewed);
      expect(session.snapshot.expiringSoon).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('then a renewal for the same administrator keeps the loaded data, another identity does not', () => {
    const session = new Session({ storage: undefined, channel: null });
    const cleared = vi.fn();
    session.onTokenChange(cleared);
    session.signIn(fakeToken({ exp: Math.floor(Date.now() / 1000) + 100 }));
    expect(cleared).toHaveBeenCalledTimes(1);
    session.signIn(fakeToken({ exp: Math.floor(Date.now() / 1000) + 900 }));
    expect(cleared).toHaveBeenCalledTimes(1);
    session.signIn(fakeToken({ userId: 'c'.repeat(24) }));
    expect(cleared).toHaveBeenCalledTimes(2);
    session.signOut();
    expect(cleared).toHaveBeenCalledTimes(3);
  });
});

describe('When the console is open in several tabs', () => {
  it('then a new tab gets the session from an open one, and signing out in one signs out everywhere', async () => {
    const [one, two] = channelPair();
    const first = new Session({ storage: undefined, channel: one });
    first.signIn(fakeToken(), 'refresh-1');
    const second = new Session({ storage: undefined, channel: two });
    await waitFor(() => expect(second.token).toBe(first.token));
    second.signOut('You have signed out.');
    await waitFor(() => expect(first.token).toBeNull());
    expect(first.snapshot.notice).toBe('You have signed out.');
  });

  it('then the token is kept in sessionStorage, never in localStorage', () => {
    localStorage.clear();
    sessionStorage.clear();
    const session = new Session({ storage: sessionStorage, channel: null });
    const token = fakeToken();
    session.signIn(token, 'refresh-1');
    expect(Object.values({ ...sessionStorage })).toContain(token);
    expect(localStorage.length).toBe(0);
    session.signOut();
    expect(sessionStorage.length).toBe(0);
  });
});
