import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { CrmsApiError, type CrmsClient } from './api';
import { ConsoleProvider, useConsole, useSession } from './context';
import { CustomerScreen } from './screens/Customer';
import { CustomersScreen } from './screens/Customers';
import { SignInScreen } from './screens/SignIn';
import type { Session } from './session';

/** The charts (recharts) load only when the analytics screen opens. */
const AnalyticsScreen = lazy(() => import('./screens/Analytics').then((m) => ({ default: m.AnalyticsScreen })));

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
  const [client] = useState(() => queryClient ?? newQueryClient());
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
  const { token, claims } = useSession();
  const { session } = useConsole();
  const [location] = useLocation();
  useEffect(() => {
    document.title = token ? `${titleOf(location)} · CRMS Console` : 'Sign in · CRMS Console';
  }, [token, location]);
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
            </nav>
            <span className="who">{claims?.email ?? claims?.userId}</span>
            <button type="button" onClick={() => session.signOut('You have signed out.')}>
              Sign out
            </button>
          </>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {token ? (
          <Switch>
            <Route path="/">{() => <CustomersScreen />}</Route>
            <Route path="/customers/:id">{(params) => <CustomerScreen key={params.id} customerId={params.id} />}</Route>
            <Route path="/analytics">
              {() => (
                <Suspense fallback={<p>Loading analytics…</p>}>
                  <AnalyticsScreen />
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

const titleOf = (location: string) => (location.startsWith('/analytics') ? 'Analytics' : location.startsWith('/customers/') ? 'Customer' : 'Customers');
