import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { CrmsApiError, type CrmsClient } from './api';
import { ConsoleProvider, useConsole, useSession } from './context';
import { CustomerScreen } from './screens/customer/CustomerScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { SignInScreen } from './screens/SignIn';
import type { Session } from './session';

/** The charts (recharts) load only when the analytics screen opens. */
const AnalyticsScreen = lazy(() => import('./screens/Analytics').then((m) => ({ default: m.AnalyticsScreen })));
/** The subscriptions screen loads when it opens (kept out of the first bundle). */
const SubscriptionsScreen = lazy(() => import('./screens/Subscriptions').then((m) => ({ default: m.SubscriptionsScreen })));

/** Retries reads once on a network error or a 5xx other than a sibling's 502, never on 4xx. */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => count < 1 && !(error instanceof CrmsApiError && (error.status < 500 || error.status === 502)),
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
    },
  });
}

export function App({ crms, session, authUrl, queryClient, base = '/console' }: {
  crms: CrmsClient;
  session: Session;
  authUrl: string | null;
  queryClient?: QueryClient;
  base?: string;
}) {
  const [client] = useState(() => {
    const c = queryClient ?? newQueryClient();
    // another identity (or none) must never see the previous one's answers: the cache is emptied
    // before the new state is drawn
    session.onTokenChange(() => c.clear());
    return c;
  });
  return (
    <ConsoleProvider value={{ crms, session, authUrl }}>
      <QueryClientProvider client={client}>
        <Router base={base}>
          <Shell />
        </Router>
      </QueryClientProvider>
    </ConsoleProvider>
  );
}

function Shell() {
  const { token, claims, expiringSoon } = useSession();
  const { session } = useConsole();
  const [location] = useLocation();
  useEffect(() => {
    document.title = token ? `${titleOf(location)} · CRMS Console` : 'Sign in · CRMS Console';
  }, [token, location]);
  useFocusHeadingOnNavigation(location);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">CRMS Console</span>
        {token && (
          <>
            <nav aria-label="Main">
              <Link href="/" className={(active) => (active || location.startsWith('/customers') ? 'active' : '')}>
                Customers
              </Link>
              <Link href="/analytics" className={(active) => (active ? 'active' : '')}>
                Analytics
              </Link>
              <Link href="/subscriptions" className={(active) => (active ? 'active' : '')}>
                Subscriptions
              </Link>
            </nav>
            <span className="who">{claims?.email ?? claims?.userId}</span>
            <SessionClock />
            <button type="button" onClick={() => session.signOut('You have signed out.')}>
              Sign out
            </button>
          </>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {expiringSoon && (
          <p className="notice" role="alert">
            Your session ends at {formatTime(claims?.exp)}. Save what you are typing; after that you will be asked to sign in again and
            brought back here.
          </p>
        )}
        {token ? (
          <Switch key={claims?.userId}>
            <Route path="/">{() => <CustomersScreen />}</Route>
            <Route path="/customers/:id">{(params) => <CustomerScreen key={params.id} customerId={params.id} />}</Route>
            <Route path="/analytics">
              {() => (
                <Suspense fallback={<p>Loading analytics…</p>}>
                  <AnalyticsScreen />
                </Suspense>
              )}
            </Route>
            <Route path="/subscriptions">
              {() => (
                <Suspense fallback={<p>Loading subscriptions…</p>}>
                  <SubscriptionsScreen />
                </Suspense>
              )}
            </Route>
            <Route>
              <p>
                There is no such page. <Link href="/">Go to the customers</Link>.
              </p>
            </Route>
          </Switch>
        ) : (
          <SignInScreen />
        )}
      </main>
    </>
  );
}

/**
 * After a navigation to another screen (not a change of the list's query string), focus moves to the
 * new screen's heading, as soon as it is drawn (the customer screen's once the customer is read), so
 * that keyboard and screen-reader users start there.
 */
function useFocusHeadingOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    const focus = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focus()) return;
    const observer = new MutationObserver(() => {
      if (focus()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [path]);
}

const formatTime = (exp: number | undefined) =>
  typeof exp === 'number' ? new Date(exp * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '—';

/** When the session ends (the access token's `exp`), or that it renews itself. */
function SessionClock() {
  const { claims } = useSession();
  const { session } = useConsole();
  if (typeof claims?.exp !== 'number') return null;
  return (
    <span className="session-clock muted">
      {session.canRenew ? `Session renews itself (token valid until ${formatTime(claims.exp)})` : `Session ends at ${formatTime(claims.exp)}`}
    </span>
  );
}

const titleOf = (location: string) =>
  location.startsWith('/analytics')
    ? 'Analytics'
    : location.startsWith('/subscriptions')
      ? 'Subscriptions'
      : location.startsWith('/customers/')
        ? 'Customer'
        : 'Customers';
