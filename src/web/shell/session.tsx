// Who is logged in (GET /api/me), shared by every screen.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/auth.js';
import { ApiError } from '../api/client.js';
import { getMe, logout as apiLogout } from '../api/endpoints.js';

type Session = {
  me: Me | null;
  /** true until the first /api/me answered */
  checking: boolean;
  error: unknown;
  setMe: (me: Me | null) => void;
  can: (permission: string) => boolean;
  logout: () => Promise<void>;
  recheck: () => void;
};

const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setChecking(true);
    getMe().then(
      (m) => live && (setMe(m), setError(undefined), setChecking(false)),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) setError(undefined);
        else setError(e);
        setMe(null);
        setChecking(false);
      },
    );
    return () => {
      live = false;
    };
  }, [tick]);

  const can = useCallback((p: string) => !!me?.permissions.includes(p), [me]);
  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setMe(null);
    }
  }, []);
  const recheck = useCallback(() => setTick((n) => n + 1), []);

  return <Ctx.Provider value={{ me, checking, error, setMe, can, logout, recheck }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
