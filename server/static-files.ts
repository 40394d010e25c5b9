// Serves the built PWA (SvelteKit adapter-static `build/`) from the sync server's port, so a station needs
// nothing but this one address. Unknown extension-less paths fall back to index.html (the SPA router takes
// over); the shell, the service worker and the manifest are always revalidated so an update reaches stations,
// while `/_app/immutable/` (content-hashed names) is cached forever. Paths never leave the static folder.
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf'
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Packdesk is not built yet</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Packdesk is not built yet</h1>
<p>The sync server is running, but the app itself has not been built, so there is nothing to show here.</p>
<p>Stop the server and run <code>npm start</code> in the Packdesk folder: it installs, builds and starts everything.</p>
</body></html>
`;

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Cache policy by URL path: hashed assets forever, everything else revalidated with its ETag. */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE;
}

async function fileAt(path: string): Promise<Stats | null> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG') return null;
    throw error;
  }
}

function sendText(response: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  });
  response.end(head ? undefined : body);
}

export interface StaticFiles {
  /** True when the folder holds a built app (an index.html). */
  isBuilt(): Promise<boolean>;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export function staticFiles(staticDir: string): StaticFiles {
  const root = resolve(staticDir);
  const indexPath = join(root, 'index.html');

  /** Maps a decoded URL path to a file inside root, or null when it would escape root. */
  function inside(urlPath: string): string | null {
    if (urlPath.includes('\0')) return null;
    const full = resolve(root, `.${urlPath}`);
    return full === root || full.startsWith(root + sep) ? full : null;
  }

  async function sendFile(options: {
    request: IncomingMessage;
    response: ServerResponse;
    path: string;
    stats: Stats;
    cacheControl: string;
  }): Promise<void> {
    const { request, response, path, stats, cacheControl } = options;
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    const headers = {
      'Content-Type': contentTypeFor(path),
      'Cache-Control': cacheControl,
      ETag: etag,
      'Last-Modified': stats.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff'
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Length': stats.size });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    try {
      await pipeline(createReadStream(path), response);
    } catch (error) {
      // The client went away mid-download (tab closed, navigation, server closing its sockets): not a fault.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      throw error;
    }
  }

  return {
    async isBuilt() {
      return (await fileAt(indexPath)) !== null;
    },

    async handle(request, response) {
      const head = request.method === 'HEAD';
      if (request.method !== 'GET' && !head) {
        response.setHeader('Allow', 'GET, HEAD');
        sendText(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', false);
        return;
      }
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://packdesk.invalid').pathname);
      } catch {
        sendText(response, 400, 'text/plain; charset=utf-8', 'Bad request: malformed URL\n', head);
        return;
      }
      const target = inside(urlPath);
      if (target === null) {
        sendText(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
        return;
      }

      const candidates = urlPath.endsWith('/') ? [join(target, 'index.html')] : [target, join(target, 'index.html')];
      if (!extname(urlPath)) candidates.push(`${target}.html`);
      for (const path of candidates) {
        const stats = await fileAt(path);
        if (stats) {
          const cacheControl = path.endsWith('.html') ? REVALIDATE : cacheControlFor(urlPath);
          await sendFile({ request, response, path, stats, cacheControl });
          return;
        }
      }

      if (extname(urlPath)) {
        sendText(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
        return;
      }
      const index = await fileAt(indexPath);
      if (!index) {
        sendText(response, 503, 'text/html; charset=utf-8', NOT_BUILT_PAGE, head);
        return;
      }
      await sendFile({ request, response, path: indexPath, stats: index, cacheControl: REVALIDATE });
    }
  };
}
