// Opens Yjs documents and attaches what a station needs around them, from outside (documents stay free of
// I/O): local persistence, the other tabs of this browser, and the sync server. It also turns the state of
// every connection into the one SyncState a person reads.
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { SyncState } from '../app/station-api';

/** Origins that tag every write, so each attachment can ignore its own echo. */
export const LOCAL = Symbol('local');
export const FROM_TAB = Symbol('tab');

export interface DocPersistence {
  whenLoaded: Promise<unknown>;
  destroy(): Promise<void> | void;
}
export type PersistenceFactory = (name: string, doc: Y.Doc) => DocPersistence;

/** Between tabs: an update, or a state vector asking the others for whatever the sender lacks. */
export interface TabMessage {
  name: string;
  update?: Uint8Array;
  sv?: Uint8Array;
}
export interface TabChannel {
  post(msg: TabMessage): void;
  listen(cb: (msg: TabMessage) => void): void;
  close(): void;
}

export interface ServerTarget {
  url: string;
  secret: string;
  station: { id: string; name: string; user: string };
}

interface Attached {
  doc: Y.Doc;
  persistence: DocPersistence;
  provider?: HocuspocusProvider;
  /** Local updates the server has not acknowledged yet. */
  dirty: number;
  synced: boolean;
}

const PRESENCE_DOC = 'directory';
type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export class DocHost {
  private docs = new Map<string, Attached>();
  private opening = new Map<string, Promise<Y.Doc>>();
  private socket?: HocuspocusProviderWebsocket;
  private target?: ServerTarget;
  private online = true;
  private refusedReason = '';
  private wsStatus: SocketStatus = 'disconnected';
  private listeners = new Set<(s: SyncState) => void>();
  private notifyQueued = false;

  constructor(
    private persistence: PersistenceFactory,
    private tabs?: TabChannel
  ) {
    tabs?.listen(({ name, update, sv }) => {
      const a = this.docs.get(name);
      if (!a) return;
      if (sv) {
        const diff = Y.encodeStateAsUpdate(a.doc, sv);
        if (diff.length > 2) tabs.post({ name, update: diff });
      }
      if (update) {
        Y.applyUpdate(a.doc, update, FROM_TAB);
        // An update that builds on writes this tab never saw stays pending: ask the other tabs for them.
        if (a.doc.store.pendingStructs) tabs.post({ name, sv: Y.encodeStateVector(a.doc) });
      }
    });
  }

  /** Loads a document from local storage (once) and connects it to the server when one is configured. */
  open(name: string): Promise<Y.Doc> {
    const ready = this.docs.get(name);
    if (ready) return Promise.resolve(ready.doc);
    let p = this.opening.get(name);
    if (!p) {
      p = this.attach(name);
      this.opening.set(name, p);
    }
    return p;
  }

  isOpen(name: string): boolean {
    return this.docs.has(name);
  }

  private async attach(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const persistence = this.persistence(name, doc);
    await persistence.whenLoaded;
    const a: Attached = { doc, persistence, dirty: 0, synced: false };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL) return;
      a.dirty++;
      this.tabs?.post({ name, update });
      this.queueNotify();
    });
    this.docs.set(name, a);
    this.opening.delete(name);
    this.tabs?.post({ name, sv: Y.encodeStateVector(doc) });
    if (this.socket && this.target) this.connectDoc(name, a);
    return doc;
  }

  /** Connects every open document to the server (or disconnects all with `null`). */
  setServer(target: ServerTarget | null): void {
    for (const a of this.docs.values()) {
      a.provider?.destroy();
      a.provider = undefined;
      a.synced = false;
    }
    this.socket?.destroy();
    this.socket = undefined;
    this.target = target ?? undefined;
    this.refusedReason = '';
    if (target?.url) {
      this.socket = new HocuspocusProviderWebsocket({
        url: target.url,
        autoConnect: this.online,
        delay: 500,
        minDelay: 250,
        factor: 1.6,
        maxDelay: 4000,
        onStatus: ({ status }) => {
          this.wsStatus = status as SocketStatus;
          this.queueNotify();
        }
      });
      for (const [name, a] of this.docs) this.connectDoc(name, a);
    }
    this.queueNotify();
  }

  /** The browser's network state: offline drops the connection at once, online reconnects without waiting for backoff. */
  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (!this.socket) return;
    if (online) void this.socket.connect().catch(() => undefined);
    else this.socket.disconnect();
    this.queueNotify();
  }

  private connectDoc(name: string, a: Attached): void {
    const target = this.target!;
    const provider = new HocuspocusProvider({
      name,
      document: a.doc,
      websocketProvider: this.socket!,
      token: target.secret || 'none',
      // Presence rides on one document; shards carry no awareness (it would heartbeat once per shard).
      awareness: name === PRESENCE_DOC ? undefined : null,
      onAuthenticationFailed: ({ reason }) => {
        this.refusedReason = reason || 'refused';
        this.queueNotify();
      },
      onAuthenticated: () => {
        this.refusedReason = '';
        this.queueNotify();
      },
      onSynced: ({ state }) => {
        a.synced = state;
        if (state && provider.unsyncedChanges === 0) a.dirty = 0;
        this.queueNotify();
      },
      onUnsyncedChanges: ({ number }) => {
        if (number === 0 && this.wsStatus === 'connected') a.dirty = 0;
        this.queueNotify();
      },
      onAwarenessChange: () => this.queueNotify()
    });
    provider.attach();
    if (name === PRESENCE_DOC) provider.setAwarenessField('station', target.station);
    a.provider = provider;
  }

  onState(listener: (s: SyncState) => void): void {
    this.listeners.add(listener);
  }

  private queueNotify(): void {
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    setTimeout(() => {
      this.notifyQueued = false;
      const s = this.state();
      for (const l of this.listeners) l(s);
    }, 30);
  }

  state(): SyncState {
    const pending = [...this.docs.values()].reduce((n, a) => n + a.dirty, 0);
    const base = { pending, peers: this.peers(), serverUrl: this.target?.url ?? '', reason: '' };
    if (!this.target?.url) return { ...base, phase: 'off' };
    if (this.refusedReason) return { ...base, phase: 'refused', reason: this.refusedReason };
    if (!this.online || this.wsStatus === 'disconnected') return { ...base, phase: 'offline' };
    if (this.wsStatus === 'connecting') return { ...base, phase: 'connecting' };
    const allSynced = [...this.docs.values()].every((a) => !a.provider || a.synced);
    return { ...base, phase: allSynced && pending === 0 ? 'synced' : 'syncing' };
  }

  private peers(): SyncState['peers'] {
    const p = this.docs.get(PRESENCE_DOC)?.provider;
    if (!p?.awareness || !this.target) return [];
    const seen = new Map<string, SyncState['peers'][number]>();
    for (const [clientId, st] of p.awareness.getStates()) {
      const s = (st as { station?: SyncState['peers'][number] }).station;
      if (clientId !== p.document.clientID && s && s.id !== this.target.station.id) seen.set(s.id, s);
    }
    return [...seen.values()];
  }

  /** Resolves when every open document has been acknowledged by the server (or rejects after `ms`). */
  async whenSynced(ms: number): Promise<void> {
    const start = Date.now();
    while (this.state().phase !== 'synced') {
      if (Date.now() - start > ms) throw new Error(`sync did not finish within ${ms} ms (${this.state().phase})`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    this.setServer(null);
    for (const a of this.docs.values()) await a.persistence.destroy();
    this.docs.clear();
    this.tabs?.close();
  }
}
