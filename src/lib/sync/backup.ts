// The backup file: every shared document's full state plus the station's own settings and local tables (its
// saved printers and print journal), gzipped JSON. Restoring it into an empty browser reproduces the station
// (same station id, orders, edits, history, printers, journal); restoring into a station that already has
// data merges, since Yjs updates are idempotent. The order index is derived and is rebuilt, not stored.
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';

export const BACKUP_FORMAT = 'packdesk-backup';
/** 2 added `local` (station-local settings and the print journal); version 1 files still restore. */
export const BACKUP_VERSION = 2;

const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.number(),
  station: z.record(z.string(), z.unknown()).nullable(),
  /** Document name -> base64 of Y.encodeStateAsUpdate. */
  docs: z.record(z.string(), z.string()),
  /** The station's own tables: settings by key (saved printers, …) and the print journal. */
  local: z.object({ meta: z.record(z.string(), z.unknown()), journal: z.array(z.record(z.string(), z.unknown())) }).optional()
});

export interface LocalTables {
  meta: Record<string, unknown>;
  journal: Record<string, unknown>[];
}
export type BackupFile = z.infer<typeof BackupFile>;

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function encodeBackup(opts: { createdAt: number; station: Record<string, unknown> | null; docs: Map<string, Uint8Array>; local?: LocalTables }): Uint8Array {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: opts.createdAt,
    station: opts.station,
    docs: Object.fromEntries([...opts.docs].map(([name, update]) => [name, toBase64(update)])),
    local: opts.local ?? { meta: {}, journal: [] }
  };
  return gzipSync(strToU8(JSON.stringify(file)), { level: 6 });
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Reads a backup file; throws BackupError saying what is wrong with it. Nothing is written here. */
export function decodeBackup(bytes: Uint8Array): { createdAt: number; station: Record<string, unknown> | null; docs: Map<string, Uint8Array>; local: LocalTables } {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new BackupError('This is not a Packdesk backup file (it is not a gzip archive).');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(gunzipSync(bytes)));
  } catch (e) {
    throw new BackupError(`The backup file is damaged and cannot be read (${(e as Error).message}).`);
  }
  const parsed = BackupFile.safeParse(json);
  if (!parsed.success) throw new BackupError('This file is not a Packdesk backup (its contents do not match the backup format).');
  if (parsed.data.version > BACKUP_VERSION) throw new BackupError(`This backup was made by a newer Packdesk (format ${parsed.data.version}); update this station first.`);
  const docs = new Map<string, Uint8Array>();
  for (const [name, b64] of Object.entries(parsed.data.docs)) {
    try {
      docs.set(name, fromBase64(b64));
    } catch {
      throw new BackupError(`The backup file is damaged: document ${name} cannot be decoded.`);
    }
  }
  return { createdAt: parsed.data.createdAt, station: parsed.data.station, docs, local: parsed.data.local ?? { meta: {}, journal: [] } };
}
