import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { memoryLocation } from 'wouter/memory-location';
import { Router } from 'wouter';
import type { ReactNode } from 'react';
import { App } from '../src/App';
import type { fakeCrms } from './fake-crms';

/** The whole app at `path` over a fake CRMS, with retries off so that errors show at once. */
export function renderApp(fake: ReturnType<typeof fakeCrms>, path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
  const location = memoryLocation({ path, record: true });
  const Wrapper = ({ children }: { children: ReactNode }) => <Router hook={location.hook}>{children}</Router>;
  const result = render(<App crms={fake.crms} session={fake.session} authUrl={null} queryClient={queryClient} base="" />, { wrapper: Wrapper });
  return { ...result, location };
}
