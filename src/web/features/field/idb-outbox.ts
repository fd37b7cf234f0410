// The outbox kept in the phone's IndexedDB, so recorded visits survive a
// closed tab or a restarted phone. Falls back to memory where IndexedDB is
// unavailable (private mode in some browsers).
import { memoryOutbox, type OutboxItem, type OutboxStore } from './visit-outbox.js';

const DB_NAME = 'zhiyin-field';
const STORE = 'visit-outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function idbOutbox(): OutboxStore {
  if (typeof indexedDB === 'undefined') return memoryOutbox();
  const db = open();
  return {
    all: async () => run<OutboxItem[]>(await db, 'readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>),
    put: async (item) => void (await run(await db, 'readwrite', (s) => s.put(item))),
    remove: async (id) => void (await run(await db, 'readwrite', (s) => s.delete(id))),
  };
}

let shared: OutboxStore | null = null;
/** One outbox per page. */
export function fieldOutbox(): OutboxStore {
  shared ??= idbOutbox();
  return shared;
}
