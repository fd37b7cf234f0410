// The outbox as the field screen sees it: pending visits, and a sync that runs
// when the phone comes back online, every minute while visits wait, and on demand.
import { useCallback, useEffect, useState } from 'react';
import { putVisit } from '../visit-progress/visits-api.js';
import { fieldOutbox } from './idb-outbox.js';
import { outcomeOf, syncOutbox, type OutboxItem, type SendOutcome } from './visit-outbox.js';

async function sendVisit(item: OutboxItem): Promise<SendOutcome> {
  const { status, body } = await putVisit(item.id, item.body);
  return outcomeOf(status, body);
}

export function useOutbox(onSynced?: () => void) {
  const store = fieldOutbox();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);

  const refresh = useCallback(async () => setItems(await store.all()), [store]);

  const sync = useCallback(async () => {
    setSyncing(true);
    try {
      const report = await syncOutbox(store, sendVisit);
      if (report.sent > 0) onSynced?.();
    } finally {
      setSyncing(false);
      await refresh();
    }
  }, [store, refresh, onSynced]);

  const add = useCallback(
    async (item: OutboxItem) => {
      await store.put(item);
      await refresh();
      await sync();
    },
    [store, refresh, sync],
  );

  useEffect(() => {
    void refresh().then(() => sync());
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => void sync(), 60_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [refresh, sync]);

  return { items, pending: items.filter((i) => !i.rejected), rejected: items.filter((i) => i.rejected), syncing, online, sync, add };
}
