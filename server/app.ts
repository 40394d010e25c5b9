// The Packdesk server: one node:http server on one port that syncs stations' Yjs documents (Hocuspocus on
// WebSocket path /sync), answers GET /health, and serves the built PWA. Documents live in SQLite
// (persistence.ts); stores are debounced briefly and every open document is stored again on close(), so
// stopping the server right after an edit loses nothing.
//
// Wiring (Hocuspocus v4): its `Server` class owns the node:http server and attaches crossws to the
// 'upgrade' event; our `onUpgrade` hook refuses upgrades on other paths and our `onRequest` hook answers
// every plain HTTP request (rejecting with no error is Hocuspocus' documented "handled, stop the chain").
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Server } from '@hocuspocus/server';
import { encodeStateAsUpdate } from 'yjs';
import { SqliteDocumentStore, sqlitePersistence } from './persistence.ts';
import { staticFiles } from './static-files.ts';
import { SyncAccessDenied, syncAccessDenial } from './sync-access.ts';

export const SYNC_PATH = '/sync';

/** How long close() waits for Hocuspocus to store and unload documents before storing them itself. */
const CLOSE_TIMEOUT_MS = 10_000;

export interface StartServerOptions {
  port: number;
  /** Interface to bind; 127.0.0.1 when not given. */
  host?: string;
  dataDir: string;
  /** Shared secret every station sends as its provider token; when unset, sync is open. */
  secret?: string;
  /** The adapter-static output folder (`build/`). */
  staticDir?: string;
  /** No startup line on stdout (main.ts prints its own banner). */
  quiet?: boolean;
}

export interface RunningServer {
  /** http URL of the server, e.g. http://127.0.0.1:8787 (no trailing slash). */
  url: string;
  port: number;
  /** Path of the SQLite file holding the documents. */
  databasePath: string;
  /** Stores every open document, closes connections and the database. Safe to call twice. */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  readonly port: number;
  readonly host: string;

  constructor(port: number, host: string, cause: unknown) {
    super(`port ${port} on ${host} is already in use`, { cause });
    this.name = 'PortInUseError';
    this.port = port;
    this.host = host;
  }
}

function readVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

function pathOf(url: string | undefined): string {
  return new URL(url ?? '/', 'http://packdesk.invalid').pathname;
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function displayUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const secret = opts.secret || undefined;
  const startedAt = Date.now();
  const version = readVersion();
  const store = new SqliteDocumentStore({ dataDir: opts.dataDir });
  const files = staticFiles(opts.staticDir ?? 'build');

  async function answerHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = pathOf(request.url);
    if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
      const body = JSON.stringify({
        ok: true,
        version,
        documents: store.count(),
        connections: server.hocuspocus.getConnectionsCount(),
        uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
        auth: secret ? 'secret' : 'open'
      });
      response.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
        'Access-Control-Allow-Origin': '*'
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path === SYNC_PATH) {
      response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
      response.end('This is the Packdesk sync endpoint: connect with a WebSocket.\n');
      return;
    }
    await files.handle(request, response);
  }

  const server = new Server({
    name: 'packdesk',
    quiet: true,
    stopOnSignals: false,
    debounce: 200,
    maxDebounce: 2000,
    extensions: [sqlitePersistence(store)],

    async onUpgrade({ request, socket }) {
      if (pathOf(request.url) !== SYNC_PATH) {
        refuseUpgrade(socket, '404 Not Found');
        return Promise.reject();
      }
    },

    async onRequest({ request, response }) {
      try {
        await answerHttp(request, response);
      } catch (error) {
        console.error(`Packdesk: ${request.method} ${request.url} failed:`, error);
        if (!response.headersSent) {
          response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('Internal server error\n');
        } else {
          response.destroy(error as Error);
        }
      }
      return Promise.reject();
    },

    async onAuthenticate({ token, documentName }) {
      const reason = syncAccessDenial({ secret, token, documentName });
      if (reason) throw new SyncAccessDenied(reason, documentName);
    }
  });
  const { httpServer, hocuspocus } = server;

  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      const onError = (error: NodeJS.ErrnoException) => {
        rejectListen(error.code === 'EADDRINUSE' ? new PortInUseError(opts.port, host, error) : error);
      };
      httpServer.once('error', onError);
      httpServer.listen({ port: opts.port, host }, () => {
        httpServer.off('error', onError);
        resolveListen();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  httpServer.on('error', (error) => console.error('Packdesk: HTTP server error:', error));
  // Upgraded WebSocket sockets leave node:http's bookkeeping, so closeAllConnections() does not reach them;
  // without this, stations would stay "connected" to a server that has stopped.
  const upgraded = new Set<Duplex>();
  httpServer.on('upgrade', (_request: IncomingMessage, socket: Duplex) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
  });

  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;

  /** Writes the current state of every document in memory: the backstop against any pending store. */
  function storeOpenDocuments(): void {
    for (const [name, document] of hocuspocus.documents) {
      if (!document.isLoading) store.store(name, encodeStateAsUpdate(document));
    }
  }

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    storeOpenDocuments();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((done) => {
      timer = setTimeout(() => done(true), CLOSE_TIMEOUT_MS);
    });
    const destroyed = server.destroy().then(() => false);
    const gaveUp = await Promise.race([destroyed, timedOut]);
    clearTimeout(timer);
    storeOpenDocuments();
    if (gaveUp) {
      console.error(
        `Packdesk: ${hocuspocus.getDocumentsCount()} document(s) did not unload within ${CLOSE_TIMEOUT_MS} ms; ` +
          'their current state was stored directly.'
      );
    }
    httpServer.closeAllConnections();
    for (const socket of upgraded) socket.destroy();
    store.close();
  }

  const url = displayUrl(host, port);
  if (!opts.quiet) {
    console.log(`Packdesk server on ${url}/ (sync ${url.replace('http', 'ws')}${SYNC_PATH}, data ${store.path})`);
  }

  return {
    url,
    port,
    databasePath: store.path,
    close() {
      closing ??= shutdown();
      return closing;
    }
  };
}
