// A printer transport that keeps everything in memory: it records each write, answers status queries with
// a reply the test chooses, and can be told to go away. It stands in for a device in queue tests and in the
// time-to-first-bytes measurement, where the fake USB/serial/BLE devices would measure their own overhead.
import type { PrinterLanguage } from '../profiles';
import { fakeStatusReply, type FakeBehaviour } from '../transports/fakes';
import { STATUS_QUERY } from '../transports/status';
import { Listeners, throwIfAborted, TransportError, type PrinterTransport, type WriteOptions } from '../transports/transport';

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

export class MemoryTransport implements PrinterTransport {
  readonly kind = 'memory' as const;
  /** Every write in order (status queries included), as copies. */
  readonly writes: Uint8Array[] = [];
  /** What the printer reports when asked: null = ready; 'silent' = never answers. */
  problem: FakeBehaviour['problem'] | 'silent' = null;
  /** Called at the start of every write, before anything is recorded (for timing and for injecting faults). */
  onWrite?: (bytes: Uint8Array) => void;
  private listeners = new Listeners();
  private replies: Uint8Array[] = [];
  private gone = false;

  constructor(
    readonly language: PrinterLanguage,
    readonly label = 'Memory printer',
    private opts: { statusSupported?: boolean } = {}
  ) {}

  async open(): Promise<void> {
    this.gone = false;
  }

  async write(bytes: Uint8Array, opts: WriteOptions = {}): Promise<void> {
    this.onWrite?.(bytes);
    throwIfAborted(opts.signal, 0);
    if (this.gone) throw new TransportError('disconnected', `${this.label} was disconnected`);
    this.writes.push(bytes.slice());
    if (same(bytes, STATUS_QUERY[this.language]) && this.problem !== 'silent') this.replies.push(fakeStatusReply(this.language, this.problem));
    opts.onProgress?.(bytes.length, bytes.length);
  }

  async read(max: number, timeoutMs: number): Promise<Uint8Array> {
    if (this.opts.statusSupported === false) throw new TransportError('unsupported', `${this.label} cannot report its status`);
    if (this.gone) throw new TransportError('disconnected', `${this.label} was disconnected`);
    const reply = this.replies.shift();
    if (!reply) throw new TransportError('timeout', `${this.label} status: no answer within ${timeoutMs} ms`);
    return reply.subarray(0, max);
  }

  async close(): Promise<void> {}

  onDisconnect(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  disconnect(): void {
    this.gone = true;
    this.listeners.fire();
  }

  /** The label writes only (status queries left out). */
  labelWrites(): Uint8Array[] {
    return this.writes.filter((w) => !same(w, STATUS_QUERY[this.language]));
  }
}
