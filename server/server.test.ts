// @vitest-environment node
// Behaviour of the Packdesk server through its public surface: real HTTP requests, real WebSocket clients
// (HocuspocusProvider on Node's global WebSocket) and a real SQLite file in a temp dir.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PortInUseError, startServer, type RunningServer, type StartServerOptions } from './app.ts';

const tempDirs: string[] = [];
const servers: RunningServer[] = [];
const providers: HocuspocusProvider[] = [];

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `packdesk-${label}-`));
  tempDirs.push(dir);
  return dir;
}

async function start(options: Partial<StartServerOptions> = {}): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    dataDir: options.dataDir ?? tempDir('data'),
    staticDir: options.staticDir ?? tempDir('empty-build'),
    quiet: true,
    ...options
  });
  servers.push(server);
  return server;
}

async function stop(server: RunningServer): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  await server.close();
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

interface Station {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  failures: string[];
}

function connect(server: RunningServer, name: string, token?: string): Station {
  const doc = new Y.Doc();
  const failures: string[] = [];
  const provider = new HocuspocusProvider({
    url: `${server.url.replace('http', 'ws')}/sync`,
    name,
    document: doc,
    token: token ?? null,
    onAuthenticationFailed: ({ reason }) => failures.push(reason)
  });
  providers.push(provider);
  return { doc, provider, failures };
}

async function synced(station: Station): Promise<void> {
  await waitFor(() => station.provider.isSynced && !station.provider.hasUnsyncedChanges, 'the provider to sync');
}

/** A raw request, so paths like `/../x` reach the server unnormalised (fetch would resolve them). */
function rawGet(
  server: RunningServer,
  path: string
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function builtApp(): string {
  const root = tempDir('build');
  const dir = join(root, 'build');
  mkdirSync(join(dir, '_app', 'immutable', 'chunks'), { recursive: true });
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Packdesk shell</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'service-worker.js'), '// sw');
  writeFileSync(join(dir, 'workbox-1a2b3c.js'), '// workbox');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Packdesk"}');
  writeFileSync(join(dir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'engine.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(dir, '_app', 'immutable', 'chunks', 'app.abc123.js'), 'export {};');
  writeFileSync(join(dir, '_app', 'immutable', 'app.abc123.css'), 'body{}');
  writeFileSync(join(dir, '_app', 'version.json'), '{"version":"1"}');
  writeFileSync(join(root, 'secret.txt'), 'outside the static folder');
  return dir;
}

describe('health endpoint', () => {
  it('reports version, stored document count, connections, uptime and auth mode', async () => {
    const open = await start();
    const health = await (await fetch(`${open.url}/health`)).json();
    expect(health).toEqual({ ok: true, version: '0.1.0', documents: 0, connections: 0, uptimeSeconds: expect.any(Number), auth: 'open' });

    const guarded = await start({ secret: 's3cret' });
    const station = connect(guarded, 'catalog', 's3cret');
    await synced(station);
    station.doc.getMap('skus').set('A-1', 'Mug');
    await waitFor(() => !station.provider.hasUnsyncedChanges, 'the edit to reach the server');
    const after = async () => (await fetch(`${guarded.url}/health`)).json();
    await expect.poll(after, { timeout: 5000 }).toMatchObject({ documents: 1, connections: 1, auth: 'secret' });
  });
});

describe('static app serving', () => {
  it('serves files with their content types and cache policy', async () => {
    const server = await start({ staticDir: builtApp() });
    const expectations: Array<[string, string, string]> = [
      ['/', 'text/html; charset=utf-8', 'no-cache'],
      ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
      ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/service-worker.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/workbox-1a2b3c.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
      ['/icons/icon-192.png', 'image/png', 'no-cache'],
      ['/logo.svg', 'image/svg+xml', 'no-cache'],
      ['/engine.wasm', 'application/wasm', 'no-cache'],
      ['/_app/version.json', 'application/json; charset=utf-8', 'no-cache'],
      ['/_app/immutable/chunks/app.abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/_app/immutable/app.abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable']
    ];
    for (const [path, type, cache] of expectations) {
      const response = await rawGet(server, path);
      expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({ path, status: 200, type });
      expect({ path, cache: response.headers['cache-control'] }).toEqual({ path, cache });
    }
  });

  it('falls back to index.html for app routes and answers 404 for missing files', async () => {
    const server = await start({ staticDir: builtApp() });
    const route = await rawGet(server, '/orders/20261126-3');
    expect(route.status).toBe(200);
    expect(route.body).toContain('Packdesk shell');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect((await rawGet(server, '/missing.js')).status).toBe(404);
    expect((await rawGet(server, '/_app/immutable/chunks/gone.js')).status).toBe(404);
  });

  it('never serves a file outside the static folder', async () => {
    const server = await start({ staticDir: builtApp() });
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/icons/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const response = await rawGet(server, path);
      expect({ path, leaked: response.body.includes('outside the static folder') }).toEqual({ path, leaked: false });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('revalidates with ETag', async () => {
    const server = await start({ staticDir: builtApp() });
    const first = await fetch(`${server.url}/sw.js`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await fetch(`${server.url}/sw.js`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(second.status).toBe(304);
  });

  it('tells the user to run npm start when the app is not built', async () => {
    const server = await start({ staticDir: tempDir('no-build') });
    const response = await rawGet(server, '/');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('npm start');
    expect((await rawGet(server, '/health')).status).toBe(200);
  });
});

describe('document sync', () => {
  it('two stations on the same document see each other’s map edits', async () => {
    const server = await start();
    const a = connect(server, 'orders-20261126-3');
    const b = connect(server, 'orders-20261126-3');
    await Promise.all([synced(a), synced(b)]);

    a.doc.getMap('status').set('JD:shop1:1001', 'packed');
    await waitFor(() => b.doc.getMap('status').get('JD:shop1:1001') === 'packed', 'station b to see a’s edit');
    b.doc.getMap('status').set('JD:shop1:1002', 'printed');
    await waitFor(() => a.doc.getMap('status').get('JD:shop1:1002') === 'printed', 'station a to see b’s edit');
  });

  it('an edit made right before close() is there after a restart on the same data dir', async () => {
    const dataDir = tempDir('persist');
    const first = await start({ dataDir });
    const writer = connect(first, 'catalog');
    await synced(writer);
    writer.doc.getMap('skus').set('MUG-01', { name: 'Mug', weightGrams: 350 });
    await waitFor(() => !writer.provider.hasUnsyncedChanges, 'the server to acknowledge the edit');
    await stop(first);

    const second = await start({ dataDir });
    const reader = connect(second, 'catalog');
    await synced(reader);
    expect(reader.doc.getMap('skus').get('MUG-01')).toEqual({ name: 'Mug', weightGrams: 350 });
    expect((await (await fetch(`${second.url}/health`)).json()).documents).toBe(1);
  });

  it('stopping the server disconnects the stations, so they show offline instead of synced', async () => {
    const server = await start({ dataDir: tempDir('stop') });
    const station = connect(server, 'catalog');
    await synced(station);
    const statuses: string[] = [];
    station.provider.configuration.websocketProvider.on('status', ({ status }: { status: string }) => statuses.push(status));
    await stop(server);
    await waitFor(() => statuses.includes('disconnected'), 'the station to see the connection drop');
  });

  it('refuses document names outside the allowed alphabet', async () => {
    const server = await start();
    const station = connect(server, 'orders/../../etc');
    await waitFor(() => station.failures.length > 0, 'the authentication failure');
    expect(station.failures).toEqual(['invalid-document-name']);
    expect(station.provider.isSynced).toBe(false);
  });

  it('refuses upgrades on paths other than /sync', async () => {
    const server = await start();
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`);
    const outcome = await new Promise<string>((resolve) => {
      socket.onopen = () => resolve('open');
      socket.onerror = () => resolve('error');
    });
    expect(outcome).toBe('error');
  });
});

describe('shared secret', () => {
  it('a wrong secret fails authentication with reason wrong-secret and syncs nothing', async () => {
    const server = await start({ secret: 'right-phrase' });
    const owner = connect(server, 'presence', 'right-phrase');
    await synced(owner);
    owner.doc.getMap('stations').set('station-1', 'online');
    await waitFor(() => !owner.provider.hasUnsyncedChanges, 'the owner’s edit to reach the server');

    const intruder = connect(server, 'presence', 'wrong-phrase');
    await waitFor(() => intruder.failures.length > 0, 'the authentication failure');
    expect(intruder.failures).toEqual(['wrong-secret']);
    expect(intruder.provider.isSynced).toBe(false);
    expect(intruder.doc.getMap('stations').size).toBe(0);

    const anonymous = connect(server, 'presence');
    await waitFor(() => anonymous.failures.length > 0, 'the authentication failure');
    expect(anonymous.failures).toEqual(['missing-secret']);
  });

  it('the right secret syncs', async () => {
    const server = await start({ secret: 'right-phrase' });
    const a = connect(server, 'presence', 'right-phrase');
    const b = connect(server, 'presence', 'right-phrase');
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('stations').set('station-1', 'online');
    await waitFor(() => b.doc.getMap('stations').get('station-1') === 'online', 'the edit to reach station b');
    expect(a.failures).toEqual([]);
  });

  it('accepts any token when no secret is configured', async () => {
    const server = await start();
    const station = connect(server, 'catalog', 'whatever');
    await synced(station);
    expect(station.failures).toEqual([]);
  });
});

describe('listening', () => {
  it('reports a port already in use as PortInUseError', async () => {
    const first = await start();
    await expect(start({ port: first.port })).rejects.toBeInstanceOf(PortInUseError);
  });
});
