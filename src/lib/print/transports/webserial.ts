// Web Serial printers (and USB-serial adapters). Cheap printers without flow control drop data when a large
// raster arrives faster than they print, so writes go out in chunks with an optional pause between them.
import { chunks, Listeners, throwIfAborted, TransportError, withTimeout, type PrinterTransport, type WriteOptions } from './transport';

export interface SerialPortLike {
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  open(options: { baudRate: number; flowControl?: 'none' | 'hardware'; dataBits?: number; stopBits?: number; parity?: 'none' | 'even' | 'odd' }): Promise<void>;
  close(): Promise<void>;
  addEventListener(type: 'disconnect', listener: () => void): void;
  removeEventListener(type: 'disconnect', listener: () => void): void;
}

export interface SerialOptions {
  baudRate: number;
  flowControl?: 'none' | 'hardware';
  /** Bytes per write (a profile setting). */
  chunkSize?: number;
  /** Pause after each chunk in ms, for printers without flow control. */
  paceMs?: number;
  label?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class WebSerialTransport implements PrinterTransport {
  readonly kind = 'webserial' as const;
  readonly label: string;
  private listeners = new Listeners();
  /** One reader for the port's life: replies may arrive in pieces, and a read still pending after a
   *  timeout is picked up by the next read instead of being cancelled (which would lose the reply). */
  private reader?: ReadableStreamDefaultReader<Uint8Array>;
  private pendingRead?: Promise<ReadableStreamReadResult<Uint8Array>>;
  private isOpen = false;
  private gone = false;
  private onGone = () => {
    this.gone = true;
    this.isOpen = false;
    this.listeners.fire();
  };

  constructor(
    private port: SerialPortLike,
    private opts: SerialOptions
  ) {
    this.label = `${opts.label ?? 'Serial printer'} (serial ${opts.baudRate})`;
  }

  async open(): Promise<void> {
    try {
      await this.port.open({ baudRate: this.opts.baudRate, flowControl: this.opts.flowControl ?? 'none' });
    } catch (e) {
      const name = (e as { name?: string })?.name;
      if (name !== 'InvalidStateError') throw new TransportError('access-denied', `${this.label} could not be opened (${(e as Error)?.message ?? e}); is another program using the port?`, 0, { cause: e });
    }
    this.port.addEventListener('disconnect', this.onGone);
    this.isOpen = true;
    this.gone = false;
  }

  async write(bytes: Uint8Array, opts: WriteOptions = {}): Promise<void> {
    if (!this.isOpen || !this.port.writable) throw new TransportError(this.gone ? 'disconnected' : 'closed', `${this.label} is not open`);
    const writer = this.port.writable.getWriter();
    let written = 0;
    try {
      for (const chunk of chunks(bytes, this.opts.chunkSize ?? 4096)) {
        throwIfAborted(opts.signal, written);
        if (this.gone) throw new TransportError('disconnected', `${this.label} was disconnected`, written);
        try {
          await writer.write(chunk);
        } catch (e) {
          throw new TransportError(this.gone ? 'disconnected' : 'stalled', `${this.label} write failed: ${(e as Error)?.message ?? e}`, written, { cause: e });
        }
        written += chunk.length;
        opts.onProgress?.(written, bytes.length);
        if (this.opts.paceMs && written < bytes.length) await sleep(this.opts.paceMs);
      }
    } finally {
      writer.releaseLock();
    }
  }

  async read(max: number, timeoutMs: number): Promise<Uint8Array> {
    if (!this.isOpen || !this.port.readable) throw new TransportError(this.gone ? 'disconnected' : 'closed', `${this.label} is not open`);
    this.reader ??= this.port.readable.getReader();
    this.pendingRead ??= this.reader.read();
    const { value, done } = await withTimeout(this.pendingRead, timeoutMs, `${this.label} status`);
    this.pendingRead = undefined;
    if (done || !value) throw new TransportError('disconnected', `${this.label} closed its connection`);
    return value.subarray(0, max);
  }

  async close(): Promise<void> {
    this.port.removeEventListener('disconnect', this.onGone);
    if (!this.isOpen) return;
    this.isOpen = false;
    if (this.reader) {
      // Cancelling ends the pending read; its rejection is the expected end of the stream, not a fault.
      await this.reader.cancel().catch(() => undefined);
      this.reader.releaseLock();
      this.reader = undefined;
      this.pendingRead = undefined;
    }
    await this.port.close();
  }

  onDisconnect(listener: () => void): () => void {
    return this.listeners.add(listener);
  }
}
