// Command-line entry of the Packdesk server (run by `npm start` through scripts/start.mjs, on Node 24).
// Reads its settings from the environment and keeps open sync safe by default: without PACKDESK_SECRET any
// client could read and change every document, so the server then binds to 127.0.0.1 only unless HOST is
// set on purpose. Ctrl-C / SIGTERM store every open document before the process exits.
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { PortInUseError, startServer, type RunningServer } from './app.ts';

const DEFAULT_PORT = 8787;

/** Repeated signals within this window count as one (a terminal's Ctrl-C also reaches npm's forwarder). */
const REPEAT_SIGNAL_GRACE_MS = 1500;

function fail(message: string): never {
  console.error(`\nPackdesk could not start: ${message}\n`);
  process.exit(1);
}

function readPort(): number {
  const raw = process.env.PORT?.trim();
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`PORT=${JSON.stringify(raw)} is not a port number (use 1-65535, e.g. PORT=8788).`);
  }
  return port;
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

function announce(options: { running: RunningServer; host: string; secret: string | undefined }): void {
  const { running, host, secret } = options;
  const lines = ['', `Packdesk is running at http://localhost:${running.port}/`];
  if (host === '0.0.0.0' || host === '::') {
    const lan = lanAddresses();
    if (lan.length > 0) {
      lines.push('Other stations on this network can open:');
      for (const address of lan) lines.push(`  http://${address}:${running.port}/`);
    }
  } else if (host !== '127.0.0.1' && host !== 'localhost') {
    lines.push(`Listening on ${running.url}/`);
  }
  lines.push(`Data file: ${running.databasePath}`);
  lines.push(
    secret
      ? 'Sync auth: shared secret (stations must enter the same PACKDESK_SECRET)'
      : 'Sync auth: OPEN (no PACKDESK_SECRET)'
  );
  lines.push('Press Ctrl-C to stop (open documents are saved first).', '');
  console.log(lines.join('\n'));
}

function warnOpenSync(hostFromEnv: string | undefined): void {
  if (hostFromEnv === undefined) {
    console.warn(
      '\nWARNING: PACKDESK_SECRET is not set, so sync is open to anyone who can reach the server.\n' +
        'Packdesk therefore listens on 127.0.0.1 only: other stations cannot connect.\n' +
        'To share with other stations, start it with a secret, e.g. PACKDESK_SECRET=choose-a-long-phrase npm start'
    );
    return;
  }
  console.warn(
    '\n!!! WARNING: PACKDESK_SECRET is not set and HOST is set to ' +
      `${JSON.stringify(hostFromEnv)}. !!!\n` +
      '!!! Anyone who can reach this address can read and change every order, without any password. !!!\n' +
      '!!! Set PACKDESK_SECRET to require a shared secret from every station. !!!'
  );
}

async function main(): Promise<void> {
  const port = readPort();
  const hostFromEnv = process.env.HOST?.trim() || undefined;
  const secret = process.env.PACKDESK_SECRET || undefined;
  const dataDir = resolve(process.env.PACKDESK_DATA_DIR || './data');
  const staticDir = resolve(process.env.PACKDESK_STATIC_DIR || './build');
  const host = hostFromEnv ?? (secret ? '0.0.0.0' : '127.0.0.1');

  if (!secret) warnOpenSync(hostFromEnv);

  let running: RunningServer;
  try {
    running = await startServer({ port, host, dataDir, secret, staticDir, quiet: true });
  } catch (error) {
    if (error instanceof PortInUseError) {
      fail(
        `port ${error.port} is already in use (is Packdesk already running?).\n` +
          `Stop the other program, or choose another port, e.g. PORT=${error.port === 65535 ? 8788 : error.port + 1} npm start`
      );
    }
    throw error;
  }
  announce({ running, host, secret });

  let firstSignalAt = 0;
  const stop = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstSignalAt === 0) {
      firstSignalAt = now;
      console.log(`\n${signal}: saving open documents and stopping…`);
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Packdesk: stopping failed:', error);
          process.exit(1);
        }
      );
      return;
    }
    if (now - firstSignalAt < REPEAT_SIGNAL_GRACE_MS) return;
    console.error(`\n${signal} again: quitting without waiting for documents to be saved.`);
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}

main().catch((error: unknown) => {
  console.error('Packdesk could not start:', error);
  process.exit(1);
});
