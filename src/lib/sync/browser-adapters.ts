// The real browser implementations behind DocHost's ports: y-indexeddb for each document's local copy and a
// BroadcastChannel so the tabs of one browser see each other's writes at once. Tests use memory fakes instead.
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { DocPersistence, TabChannel, TabMessage } from './doc-host';

export function indexedDbPersistence(prefix: string): (name: string, doc: Y.Doc) => DocPersistence {
  return (name, doc) => {
    const p = new IndexeddbPersistence(`${prefix}${name}`, doc);
    return { whenLoaded: p.whenSynced, destroy: () => p.destroy() };
  };
}

export function broadcastTabChannel(channelName: string): TabChannel {
  const ch = new BroadcastChannel(channelName);
  return {
    post: (msg: TabMessage) => ch.postMessage(msg),
    listen: (cb) => {
      ch.onmessage = (e: MessageEvent<TabMessage>) => cb(e.data);
    },
    close: () => ch.close()
  };
}
