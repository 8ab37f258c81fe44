/**
 * The signed-in administrator's access token, kept in memory and in sessionStorage (gone when the tab
 * closes; never in localStorage or a cookie). Expiry signs out by itself; so does a 401 (src/api.ts).
 */

const KEY = 'crms.console.token';

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
}

/** The payload of a JWT (not verified: CRMS verifies; the console only reads the expiry and the name). */
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

type Listener = () => void;

export class Session {
  private state: SessionState = { token: null, claims: null, notice: null };
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly storage: Storage | undefined = globalThis.sessionStorage) {
    const saved = this.storage?.getItem(KEY);
    if (saved) this.signIn(saved);
  }

  get snapshot(): SessionState {
    return this.state;
  }

  get token(): string | null {
    return this.state.token;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  /** Keeps `token`; returns a problem to show when it cannot be used. */
  signIn(token: string): string | null {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    const claims = decodeClaims(trimmed);
    if (!claims) return 'This is not an access token (a JWT has three dot-separated parts).';
    if (isExpired(claims)) return 'This access token has expired: get a new one.';
    this.storage?.setItem(KEY, trimmed);
    this.set({ token: trimmed, claims, notice: null });
    clearTimeout(this.timer);
    if (typeof claims.exp === 'number') {
      // setTimeout holds at most ~24.8 days; longer tokens are checked again on the next sign-in
      const ms = Math.min(claims.exp * 1000 - Date.now(), 2 ** 31 - 1);
      this.timer = setTimeout(() => this.signOut('Your session has expired: sign in again.'), ms);
    }
    return null;
  }

  signOut(notice: string | null = null): void {
    clearTimeout(this.timer);
    this.storage?.removeItem(KEY);
    if (this.state.token === null && this.state.notice === notice) return;
    this.set({ token: null, claims: null, notice });
  }

  private set(next: SessionState) {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
