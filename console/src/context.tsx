import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { CrmsClient } from './api';
import type { Session, SessionState } from './session';

interface ConsoleContext {
  crms: CrmsClient;
  session: Session;
  authUrl: string | null;
}

const Context = createContext<ConsoleContext | null>(null);

export function ConsoleProvider({ value, children }: { value: ConsoleContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useConsole(): ConsoleContext {
  const value = useContext(Context);
  if (!value) throw new Error('useConsole outside <ConsoleProvider>');
  return value;
}

export function useSession(): SessionState {
  const { session } = useConsole();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
