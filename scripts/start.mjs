// `npm start`: one command from a fresh checkout to a running Packdesk. Runs on the machine's own Node
// (20 on our stations) before node_modules exists, so it is plain ESM with no dependencies. It installs
// dependencies when package.json changed, rebuilds the app when its sources changed, then runs the server
// on the project's Node 24 (node_modules/.bin/node, which runs server/*.ts directly) and relays signals so
// Ctrl-C lets the server save open documents before exiting.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const isWindows = process.platform === 'win32';
const at = (...parts) => join(root, ...parts);

/** Modification time in ms, or 0 when the path does not exist. */
function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch (error) {
    if (error.code === 'ENOENT') return 0;
    throw error;
  }
}

/** True when any file under `dir` (recursively) was modified after `since`. */
function changedSince(dir, since) {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (changedSince(path, since)) return true;
    } else if (mtime(path) > since) {
      return true;
    }
  }
  return false;
}

/** Runs a command with inherited stdio; resolves with its exit code (128 + n when killed by signal n). */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: isWindows });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

function needsInstall() {
  const marker = at('node_modules', '.package-lock.json');
  return !existsSync(at('node_modules')) || !existsSync(serverNode()) || mtime(at('package.json')) > mtime(marker);
}

function needsBuild() {
  const built = mtime(at('build', 'index.html'));
  if (built === 0) return true;
  const files = ['svelte.config.js', 'vite.config.ts', 'package.json'];
  if (files.some((file) => mtime(at(file)) > built)) return true;
  return ['src', 'workers', 'static'].some((dir) => changedSince(at(dir), built));
}

function serverNode() {
  return at('node_modules', '.bin', isWindows ? 'node.cmd' : 'node');
}

async function main() {
  const npm = isWindows ? 'npm.cmd' : 'npm';

  if (needsInstall()) {
    console.log('Installing dependencies…');
    const code = await run(npm, ['install', '--no-audit', '--no-fund']);
    if (code !== 0) {
      console.error(`\nInstalling dependencies failed (npm exited with ${code}). Fix the error above and run npm start again.`);
      return code;
    }
    // npm leaves the marker untouched when nothing changed; touch it so the next start skips the install.
    const marker = at('node_modules', '.package-lock.json');
    if (existsSync(marker)) {
      const now = new Date();
      utimesSync(marker, now, now);
    }
  }

  if (needsBuild()) {
    console.log('Building the app…');
    const code = await run(npm, ['run', 'build']);
    if (code !== 0) {
      console.error(`\nBuilding the app failed (exit code ${code}). Fix the error above and run npm start again.`);
      return code;
    }
  }

  if (!existsSync(serverNode())) {
    console.error(`\n${serverNode()} is missing: run npm install, then npm start again.`);
    return 1;
  }

  console.log('Starting the server…');
  const server = spawn(serverNode(), ['server/main.ts'], { cwd: root, stdio: 'inherit', shell: isWindows });
  const forward = (signal) => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('npm start failed:', error);
    process.exit(1);
  }
);
