// Who is logged in (GET /api/me), shared by every screen.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/auth.js';
import { ApiError } from '../api/client.js';
import { getMe, logout as apiLogout } from '../api/endpoints.js';

type Session = {
  me: Me | null;
  /** The server could not be reached, and `me` is the one kept from the last check (a field worker in a village reloads). */
  offline: boolean;
  /** true until the first /api/me answered */
  checking: boolean;
  error: unknown;
  setMe: (me: Me | null) => void;
  can: (permission: string) => boolean;
  logout: () => Promise<void>;
  recheck: () => void;
};

const Ctx = createContext<Session | null>(null);

// The last answer of /api/me, kept so that a reload without signal still opens
// the app as the same user (issue 14 item 2). It grants nothing: every request
// is checked by the server, and a 401 or a logout forgets it.
const KEPT = 'zhiyin.me';
function keep(me: Me | null) {
  try {
    if (me) localStorage.setItem(KEPT, JSON.stringify(me));
    else localStorage.removeItem(KEPT);
  } catch {
    // storage blocked: nothing kept
  }
}
function kept(): Me | null {
  try {
    const raw = localStorage.getItem(KEPT);
    return raw ? (JSON.parse(raw) as Me) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    let live = true;
    setChecking(true);
    getMe().then(
      (m) => {
        if (!live) return;
        keep(m);
        setMe(m);
        setOffline(false);
        setError(undefined);
        setChecking(false);
      },
      (e: unknown) => {
        if (!live) return;
        const last = e instanceof ApiError && e.status === 0 ? kept() : null;
        if (last) {
          // No signal: trust the last session until the server can be asked again.
          setMe(last);
          setOffline(true);
          setError(undefined);
        } else {
          if (e instanceof ApiError && e.status === 401) {
            keep(null);
            setError(undefined);
          } else setError(e);
          setMe(null);
        }
        setChecking(false);
      },
    );
    return () => {
      live = false;
    };
  }, [tick]);

  // Back online after an offline start: ask the server who this is.
  useEffect(() => {
    if (!offline) return;
    const again = () => setTick((n) => n + 1);
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [offline]);

  const can = useCallback((p: string) => !!me?.permissions.includes(p), [me]);
  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      keep(null);
      setMe(null);
    }
  }, []);
  const recheck = useCallback(() => setTick((n) => n + 1), []);
  const setMeKept = useCallback((m: Me | null) => {
    keep(m);
    setMe(m);
  }, []);

  return <Ctx.Provider value={{ me, offline, checking, error, setMe: setMeKept, can, logout, recheck }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
