// Wires the station engine to the real browser: IndexedDB through Dexie and y-indexeddb, tabs through
// BroadcastChannel, leadership through Web Locks. Runs inside the station worker.
import { createStationEngine, type StationEngine } from './station-engine';
import { StationDb } from '../storage/station-db';
import { webLockLeadership } from '../storage/leader';
import { DocHost } from '../sync/doc-host';
import { broadcastTabChannel, indexedDbPersistence } from '../sync/browser-adapters';

export function createBrowserEngine(scope: { navigator: { locks?: LockManager }; crypto: Crypto }): StationEngine {
  return createStationEngine({
    db: new StationDb('packdesk'),
    host: new DocHost(indexedDbPersistence('packdesk-doc-'), broadcastTabChannel('packdesk-docs')),
    clock: { now: () => Date.now() },
    leadership: webLockLeadership('packdesk-indexer', scope.navigator.locks),
    newStationId: () => 'st-' + scope.crypto.randomUUID().slice(0, 8)
  });
}
