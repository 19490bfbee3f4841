// The storage health of the app's database (read-only on a full disk, space left, persistence),
// for the banner and the status bar; Try again, with its outcome told in a toast.
import { useCallback, useSyncExternalStore } from 'react';
import { tryAgainMessage } from '../../../src-shared/storage-space';
import type { SpanwrightDatabase } from '../storage/database';
import { healthOf, tryAgain, type StorageHealth } from '../storage/space-guard';

export interface StorageHealthView extends StorageHealth {
  tryAgain(): Promise<void>;
}

export function useStorageHealth(
  db: SpanwrightDatabase,
  notify: (message: string, kind: 'info' | 'success' | 'error') => void,
): StorageHealthView {
  const store = healthOf(db.name);
  const health = useSyncExternalStore(store.subscribe, store.get);
  const again = useCallback(async () => {
    const outcome = await tryAgain(db.name, db.backendDB());
    // A first start's identity and demo project were only in memory: start again, now storing them.
    if (outcome === 'restart') window.location.reload();
    else notify(tryAgainMessage(outcome), outcome === 'writable' ? 'success' : 'error');
  }, [db, notify]);
  return { ...health, tryAgain: again };
}
