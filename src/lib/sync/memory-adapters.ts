// In-memory stand-ins for the browser attachments of DocHost: a persistence that keeps each document's
// updates in a Map (so a "reload" in a test restores exactly what was stored) and a tab channel bus.
import * as Y from 'yjs';
import type { DocPersistence, TabChannel, TabMessage } from './doc-host';

export class MemoryStore {
  readonly updates = new Map<string, Uint8Array[]>();

  persistence = (name: string, doc: Y.Doc): DocPersistence => {
    const list = this.updates.get(name) ?? [];
    this.updates.set(name, list);
    if (list.length) Y.applyUpdate(doc, Y.mergeUpdates(list), this);
    const onUpdate = (u: Uint8Array, origin: unknown) => {
      if (origin !== this) list.push(u);
    };
    doc.on('update', onUpdate);
    return { whenLoaded: Promise.resolve(), destroy: () => doc.off('update', onUpdate) };
  };
}

/** Relays live updates between DocHosts; `pause()` queues them (a station offline) until `resume()`. */
export class MemoryTabBus {
  private members = new Set<(m: TabMessage) => void>();
  private queue: (() => void)[] = [];
  private paused = false;

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const deliver of this.queue.splice(0)) deliver();
  }

  channel(): TabChannel {
    let mine: ((m: TabMessage) => void) | undefined;
    return {
      post: (msg) => {
        for (const m of this.members)
          if (m !== mine) {
            if (this.paused) this.queue.push(() => m(msg));
            else m(msg);
          }
      },
      listen: (cb) => {
        mine = cb;
        this.members.add(cb);
      },
      close: () => {
        if (mine) this.members.delete(mine);
      }
    };
  }
}
