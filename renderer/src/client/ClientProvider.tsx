import { createContext, useContext, useState, type ReactNode } from 'react';
import type { LiaisonClient } from '../../../shared/api';
import { createLiaisonClient } from './liaison-client';

const ClientContext = createContext<LiaisonClient | undefined>(undefined);

/** Gives every component the one client; tests and stories can pass their own. */
export function ClientProvider({ client, children }: { client?: LiaisonClient; children: ReactNode }) {
  const [value] = useState(() => client ?? createLiaisonClient());
  return <ClientContext.Provider value={value}>{children}</ClientContext.Provider>;
}

export function useClient(): LiaisonClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>');
  return client;
}
