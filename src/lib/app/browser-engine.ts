// Wires the station engine to the real browser: IndexedDB through Dexie and y-indexeddb, tabs through
// BroadcastChannel, leadership through Web Locks. Runs inside the station worker.
import { transfer } from 'comlink';
import { createStationEngine, type StationEngine } from './station-engine';
import type { SavedFile } from './station-api';
import { StationDb } from '../storage/station-db';
import { webLockLeadership } from '../storage/leader';
import { DocHost } from '../sync/doc-host';
import { broadcastTabChannel, indexedDbPersistence } from '../sync/browser-adapters';

type WorkerScope = Pick<typeof globalThis, 'addEventListener' | 'crypto'> & { navigator: { locks?: LockManager } };

export function createBrowserEngine(scope: WorkerScope): StationEngine {
  const engine = createStationEngine({
    db: new StationDb('packdesk'),
    host: new DocHost(indexedDbPersistence('packdesk-doc-'), broadcastTabChannel('packdesk-docs')),
    clock: { now: () => Date.now() },
    leadership: webLockLeadership('packdesk-indexer', scope.navigator.locks),
    newStationId: () => 'st-' + scope.crypto.randomUUID().slice(0, 8)
  });
  // y-indexeddb writes each document update without handing back its promise; a failed write (full disk,
  // database deleted) would otherwise vanish. Surface IndexedDB failures as storage errors.
  scope.addEventListener('unhandledrejection', (e) => {
    const err = (e as PromiseRejectionEvent).reason as { name?: string } | undefined;
    if (err && /Quota|Abort|InvalidState|NotFound|Unknown|DatabaseClosed/.test(err.name ?? '')) {
      e.preventDefault();
      engine.reportStorageFailure(err);
    }
  });
  return moveFiles(engine);
}

/**
 * Files the engine makes (exports, bulk-ship files, backups, reports) are moved to the page, not copied: a
 * 28 MB export cloned on arrival was one long task on the main thread.
 */
function moveFiles(engine: StationEngine): StationEngine {
  const move = <A extends unknown[], R extends SavedFile>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    const file = await f(...a);
    return transfer(file, [file.bytes.buffer]);
  };
  return Object.assign(engine, {
    exportOrders: move(engine.exportOrders.bind(engine)),
    exportBulkShip: move(engine.exportBulkShip.bind(engine)),
    backup: move(engine.backup.bind(engine)),
    rejectedReport: move(engine.rejectedReport.bind(engine))
  });
}
