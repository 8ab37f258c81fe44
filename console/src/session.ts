/**
 * The signed-in administrator's session: the access token (and, after a login through the Auth
 * Service, its refresh token), kept in memory and in this tab's sessionStorage (gone when the tab
 * closes; never in localStorage or a cookie, so no other site's request carries it and nothing
 * outlives the browser tab). Tabs of the console share the session through a BroadcastChannel: a new
 * tab asks the open ones for the token, and signing in, renewing or signing out in one tab does it
 * in all. Shortly before the access token expires the session renews it with the refresh token, or
 * warns; at expiry, and on a 401 (src/api.ts), it ends.
 */

const TOKEN_KEY = 'crms.console.token';
const REFRESH_KEY = 'crms.console.refresh';
/** How long before expiry the administrator is warned (no refresh token) or the token renewed. */
export const WARN_BEFORE_MS = 2 * 60_000;
export const RENEW_BEFORE_MS = 60_000;

export interface Claims {
  userId?: string;
  email?: string;
  role?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

export interface SessionState {
  token: string | null;
  claims: Claims | null;
  /** Why the last session ended, shown on the sign-in screen. */
  notice: string | null;
  /** The access token expires soon and cannot be renewed. */
  expiringSoon: boolean;
}

/** The payload of a JWT (not verified: CRMS verifies; the console only reads the role, the expiry and the name). */
export function decodeClaims(token: string): Claims | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Claims) : null;
  } catch {
    return null;
  }
}

export function isExpired(claims: Claims | null, nowMs: number = Date.now()): boolean {
  return typeof claims?.exp === 'number' && claims.exp * 1000 <= nowMs;
}

/** CRMS's reading of the role claim (src/http/auth.ts): `Administrator` or `admin`, any case. */
export function isAdministrator(claims: Claims | null): boolean {
  const role = typeof claims?.role === 'string' ? claims.role.trim().toLowerCase() : '';
  return role === 'administrator' || role === 'admin';
}

/** What tabs tell each other (BroadcastChannel `crms.console.session`). */
export type TabMessage =
  | { type: 'ask' }
  | { type: 'token'; token: string; refreshToken: string | null }
  | { type: 'signedOut'; notice: string | null };

/** The part of BroadcastChannel the session uses. */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: { data: TabMessage }) => void) | null;
}

export type Renew = (refreshToken: string) => Promise<string>;

type Listener = () => void;

export interface SessionOptions {
  storage?: Storage | undefined;
  channel?: TabChannel | null;
}

function defaultChannel(): TabChannel | null {
  return typeof BroadcastChannel === 'function' ? (new BroadcastChannel('crms.console.session') as unknown as TabChannel) : null;
}

export class Session {
  private state: SessionState = { token: null, claims: null, notice: null, expiringSoon: false };
  private refreshToken: string | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly tokenListeners = new Set<Listener>();
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private readonly storage: Storage | undefined;
  private readonly channel: TabChannel | null;
  private renew: Renew | null = null;

  constructor(options: SessionOptions | Storage | undefined = {}) {
    const opts: SessionOptions = options && 'getItem' in options ? { storage: options } : (options ?? {});
    this.storage = 'storage' in opts ? opts.storage : globalThis.sessionStorage;
    this.channel = 'channel' in opts ? (opts.channel ?? null) : defaultChannel();
    if (this.channel) this.channel.onmessage = (event) => this.receive(event.data);
    const saved = this.storage?.getItem(TOKEN_KEY);
    if (saved) this.adopt(saved, this.storage?.getItem(REFRESH_KEY) ?? null);
    else this.channel?.postMessage({ type: 'ask' });
  }

  get snapshot(): SessionState {
    return this.state;
  }

  get token(): string | null {
    return this.state.token;
  }

  get canRenew(): boolean {
    return this.refreshToken !== null && this.renew !== null;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  /**
   * Called whenever the identity changes (sign-in, a token of another user, sign-out, expiry, 401;
   * not a renewal for the same administrator), before anything subscribed to the state is told: the console clears its cached data here,
   * so that no screen is ever drawn from another token's answers.
   */
  onTokenChange(listener: Listener): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /** How the refresh token is exchanged for a new access token (the Auth Service, src/api.ts). */
  setRenew(renew: Renew | null): void {
    this.renew = renew;
    this.schedule();
  }

  /** Keeps `token` (and the login's refresh token); returns a problem to show when it cannot be used. */
  signIn(token: string, refreshToken: string | null = null): string | null {
    const problem = this.adopt(token, refreshToken);
    if (problem === null && this.state.token) this.channel?.postMessage({ type: 'token', token: this.state.token, refreshToken: this.refreshToken });
    return problem;
  }

  signOut(notice: string | null = null): void {
    this.end(notice);
    this.channel?.postMessage({ type: 'signedOut', notice });
  }

  private adopt(token: string, refreshToken: string | null): string | null {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    const claims = decodeClaims(trimmed);
    if (!claims) return 'This is not an access token (a JWT has three dot-separated parts).';
    if (isExpired(claims)) return 'This access token has expired: get a new one.';
    if (!isAdministrator(claims)) {
      return `This token is a${/^[aeiou]/i.test(claims.role ?? '') ? 'n' : ''} ${claims.role ?? 'role-less'} token: the console is for administrators only. Sign in with an administrator's account.`;
    }
    this.storage?.setItem(TOKEN_KEY, trimmed);
    if (refreshToken) this.storage?.setItem(REFRESH_KEY, refreshToken);
    else this.storage?.removeItem(REFRESH_KEY);
    this.refreshToken = refreshToken;
    // a renewal for the same administrator keeps what the screens loaded; another identity does not
    const changed = this.state.token === null || this.state.claims?.userId !== claims.userId || this.state.claims?.role !== claims.role;
    this.set({ token: trimmed, claims, notice: null, expiringSoon: false }, changed);
    this.schedule();
    return null;
  }

  private end(notice: string | null): void {
    this.clearTimers();
    this.storage?.removeItem(TOKEN_KEY);
    this.storage?.removeItem(REFRESH_KEY);
    this.refreshToken = null;
    if (this.state.token === null && this.state.notice === notice) return;
    this.set({ token: null, claims: null, notice, expiringSoon: false }, this.state.token !== null);
  }

  private receive(message: TabMessage): void {
    if (message.type === 'ask') {
      if (this.state.token) this.channel?.postMessage({ type: 'token', token: this.state.token, refreshToken: this.refreshToken });
    } else if (message.type === 'token') {
      if (message.token !== this.state.token) this.adopt(message.token, message.refreshToken);
    } else if (this.state.token !== null) {
      this.end(message.notice);
    }
  }

  /** The warning, the renewal and the end of the session, from the token's `exp`. */
  private schedule(): void {
    this.clearTimers();
    const exp = this.state.claims?.exp;
    if (!this.state.token || typeof exp !== 'number') return;
    const left = exp * 1000 - Date.now();
    // setTimeout holds at most ~24.8 days; longer tokens are checked again on the next sign-in
    const at = (ms: number, fn: () => void) => this.timers.push(setTimeout(fn, Math.max(0, Math.min(ms, 2 ** 31 - 1))));
    if (this.canRenew) at(left - RENEW_BEFORE_MS, () => void this.renewNow());
    else at(left - WARN_BEFORE_MS, () => this.set({ ...this.state, expiringSoon: true }, false));
    at(left, () => this.signOut('Your session has expired: sign in again to continue where you were.'));
  }

  private async renewNow(): Promise<void> {
    const refreshToken = this.refreshToken;
    if (!refreshToken || !this.renew) return;
    try {
      const token = await this.renew(refreshToken);
      if (this.refreshToken !== refreshToken) return; // signed out or renewed by another tab meanwhile
      const problem = this.signIn(token, refreshToken);
      if (problem) this.signOut(`Your session could not be renewed (${problem}): sign in again.`);
    } catch {
      // the refresh token was refused: warn, and the session ends at expiry as without one
      if (this.refreshToken === refreshToken) {
        this.refreshToken = null;
        this.storage?.removeItem(REFRESH_KEY);
        this.set({ ...this.state, expiringSoon: true }, false);
      }
    }
  }

  private clearTimers(): void {
    for (const t of this.timers.splice(0)) clearTimeout(t);
  }

  private set(next: SessionState, tokenChanged: boolean) {
    this.state = next;
    if (tokenChanged) for (const listener of this.tokenListeners) listener();
    for (const listener of this.listeners) listener();
  }
}
