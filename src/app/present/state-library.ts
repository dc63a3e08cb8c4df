// Named machine states kept in this browser (IndexedDB: they are tens of MB each, far past
// localStorage), each stored as its state file so export is the stored bytes as they are.
// Where IndexedDB is unavailable (a private window may refuse it) they live in memory for
// the visit, and export is the way to keep them.
import type { StateHeader } from '../../lib/present/state-file';

export interface SavedState {
  name: string;
  header: StateHeader;
  /** the state file (lib/present/state-file.ts) */
  file: Blob;
}

const DB = 'dockhand-present';
const STORE = 'states';

export interface StateLibrary {
  readonly persistent: boolean;
  list(): Promise<SavedState[]>;
  put(state: SavedState): Promise<void>;
  remove(name: string): Promise<void>;
}

export async function openStateLibrary(): Promise<StateLibrary> {
  try {
    return await indexedDbLibrary();
  } catch (error) {
    console.warn('[dockhand] saved states kept in memory only:', error);
    return memoryLibrary();
  }
}

function memoryLibrary(): StateLibrary {
  const states = new Map<string, SavedState>();
  return {
    persistent: false,
    list: async () => sorted([...states.values()]),
    put: async (state) => void states.set(state.name, state),
    remove: async (name) => void states.delete(name),
  };
}

async function indexedDbLibrary(): Promise<StateLibrary> {
  if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
  const db = await request(Object.assign(indexedDB.open(DB, 1), {
    onupgradeneeded(this: IDBOpenDBRequest) { this.result.createObjectStore(STORE, { keyPath: 'name' }); },
  }));
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    persistent: true,
    list: async () => sorted(await request(store('readonly').getAll()) as SavedState[]),
    put: async (state) => void await request(store('readwrite').put(state)),
    remove: async (name) => void await request(store('readwrite').delete(name)),
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const sorted = (states: SavedState[]) => states.sort((a, b) => b.header.savedAt.localeCompare(a.header.savedAt));
