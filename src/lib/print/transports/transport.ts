// How bytes reach a printer. A transport only moves bytes (encoders never send, transports never encode):
// open, write everything or fail loudly, read a status reply, close. Every failure is a TransportError
// whose kind tells the print queue what to do (wait for a reconnect, ask a person, give up).
export type TransportKind = 'webusb' | 'webserial' | 'webbluetooth' | 'memory';

export type TransportErrorKind =
  /** The device went away (unplugged, powered off, out of Bluetooth range). */
  | 'disconnected'
  /** The browser or OS refused access (Windows usbprint driver, Linux usblp, permission). */
  | 'access-denied'
  /** The device does not look like a printer we can drive (no bulk OUT endpoint, no known GATT service). */
  | 'unsupported'
  /** The device stopped accepting data (stall, repeated zero-byte writes). */
  | 'stalled'
  /** No answer within the time allowed. */
  | 'timeout'
  /** The write was cancelled by the caller (queue paused or cancelled). */
  | 'aborted'
  /** Used before open() or after close(). */
  | 'closed';

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    /** Bytes of the current write that did reach the device before the failure. */
    readonly bytesWritten = 0,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Called after each chunk with the bytes written so far, for progress. */
  onProgress?: (written: number, total: number) => void;
}

export interface PrinterTransport {
  readonly kind: TransportKind;
  /** A name for people: product name and connection, e.g. "XP-420B (USB)". */
  readonly label: string;
  open(): Promise<void>;
  /** Resolves once every byte was accepted by the device; rejects with TransportError otherwise. */
  write(bytes: Uint8Array, opts?: WriteOptions): Promise<void>;
  /** One status reply of at most `max` bytes; rejects with kind 'timeout' when the printer stays silent. */
  read(max: number, timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
  /** Called once when the device goes away on its own. */
  onDisconnect(listener: () => void): () => void;
}

/** Splits `bytes` into views of at most `size` bytes (no copies). */
export function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

export function throwIfAborted(signal: AbortSignal | undefined, written: number): void {
  if (signal?.aborted) throw new TransportError('aborted', 'printing was stopped', written);
}

/** Rejects with a TransportError('timeout') when `work` takes longer than `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportError('timeout', `${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export class Listeners {
  private set = new Set<() => void>();
  add(l: () => void): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }
  fire(): void {
    for (const l of [...this.set]) l();
  }
}
