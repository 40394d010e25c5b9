// Fake printers behind the device interfaces the transports use: a USB printer, a serial port and a BLE
// printer that record what they receive and can misbehave on cue (short writes, stalls, a disconnect after
// so many bytes, paper out). Unit tests use them directly; end-to-end tests inject them into the page.
import type { PrinterLanguage } from '../profiles';
import type { UsbConfigurationLike, UsbDeviceLike } from './webusb';
import type { SerialPortLike } from './webserial';
import type { BluetoothDeviceLike, GattCharacteristicLike, GattServerLike } from './webbluetooth';
import { BLE_PRINTER_SERVICES } from './webbluetooth';

export interface FakeBehaviour {
  /** At most this many bytes accepted per transfer (a short write when smaller than the chunk). */
  maxPerTransfer?: number;
  /** The next transfers answer with a stall this many times. */
  stalls?: number;
  /** The device goes away once it has received this many bytes. */
  disconnectAfter?: number;
  /** What the printer reports when asked for its status. */
  problem?: 'paper-out' | 'head-open' | null;
  /** Never answer status queries. */
  silent?: boolean;
}

/** The status reply a fake printer of `language` gives for `problem`. */
export function fakeStatusReply(language: PrinterLanguage, problem: FakeBehaviour['problem']): Uint8Array {
  if (language === 'tspl') return Uint8Array.of(problem === 'paper-out' ? 0x04 : problem === 'head-open' ? 0x01 : 0x00);
  if (language === 'escpos') return Uint8Array.of(0x12 | (problem === 'paper-out' ? 0x60 : 0));
  const paper = problem === 'paper-out' ? 1 : 0;
  const head = problem === 'head-open' ? 1 : 0;
  return new TextEncoder().encode(`\x02030,${paper},0,1245,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,${head},0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n`);
}

const USB_PRINTER_CONFIG: UsbConfigurationLike = {
  configurationValue: 1,
  interfaces: [
    {
      interfaceNumber: 0,
      alternates: [
        {
          alternateSetting: 0,
          interfaceClass: 7,
          endpoints: [
            { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 },
            { endpointNumber: 2, direction: 'in', type: 'bulk', packetSize: 64 }
          ]
        }
      ]
    }
  ]
};

export class FakeUsbPrinter implements UsbDeviceLike {
  readonly vendorId = 0x1fc9;
  readonly productId = 0x2016;
  readonly configurations = [USB_PRINTER_CONFIG];
  configuration: UsbConfigurationLike | null = null;
  opened = false;
  received: number[] = [];
  transfers = 0;
  private disconnectListeners = new Set<() => void>();
  gone = false;

  constructor(
    readonly language: PrinterLanguage,
    public behaviour: FakeBehaviour = {},
    readonly productName = 'Fake label printer'
  ) {}

  /** For the transport's watchDisconnect option. */
  watch = (cb: () => void) => {
    this.disconnectListeners.add(cb);
    return () => this.disconnectListeners.delete(cb);
  };

  unplug(): void {
    this.gone = true;
    this.opened = false;
    for (const l of this.disconnectListeners) l();
  }

  /** Plugged back in: a fresh device object in a real browser, the same fake here. */
  replug(behaviour: FakeBehaviour = {}): void {
    this.gone = false;
    this.behaviour = behaviour;
  }

  private check(): void {
    if (this.gone) throw Object.assign(new Error('The device was disconnected.'), { name: 'NotFoundError' });
  }

  async open() {
    this.check();
    this.opened = true;
  }
  async close() {
    this.opened = false;
  }
  async selectConfiguration() {
    this.check();
    this.configuration = USB_PRINTER_CONFIG;
  }
  async claimInterface() {
    this.check();
  }
  async releaseInterface() {}
  async selectAlternateInterface() {}
  async clearHalt() {
    this.check();
  }

  async transferOut(_ep: number, data: Uint8Array) {
    this.check();
    this.transfers++;
    const b = this.behaviour;
    if (b.stalls && b.stalls > 0) {
      b.stalls--;
      return { bytesWritten: 0, status: 'stall' as const };
    }
    let n = Math.min(data.length, b.maxPerTransfer ?? data.length);
    if (b.disconnectAfter !== undefined) n = Math.min(n, Math.max(0, b.disconnectAfter - this.received.length));
    for (let i = 0; i < n; i++) this.received.push(data[i]);
    if (b.disconnectAfter !== undefined && this.received.length >= b.disconnectAfter) {
      queueMicrotask(() => this.unplug());
    }
    return { bytesWritten: n, status: 'ok' as const };
  }

  async transferIn(_ep: number, length: number) {
    this.check();
    if (this.behaviour.silent) return new Promise<never>(() => undefined);
    const reply = fakeStatusReply(this.language, this.behaviour.problem).subarray(0, length);
    return { data: new DataView(reply.buffer, reply.byteOffset, reply.byteLength), status: 'ok' as const };
  }

  receivedBytes(): Uint8Array {
    return Uint8Array.from(this.received);
  }
}

export class FakeSerialPrinter implements SerialPortLike {
  received: number[] = [];
  private listeners = new Set<() => void>();
  private replies: Uint8Array[] = [];
  private pull?: () => void;
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  openedWith: unknown;

  constructor(
    readonly language: PrinterLanguage,
    public behaviour: FakeBehaviour = {}
  ) {}

  async open(options: unknown) {
    this.openedWith = options;
    const self = this;
    this.writable = new WritableStream<Uint8Array>({
      write(chunk) {
        for (const b of chunk) self.received.push(b);
        const query = Array.from(chunk).join(',');
        if (!self.behaviour.silent && (query === '27,33,63' || query === '16,4,4' || new TextDecoder().decode(chunk) === '~HS')) {
          self.replies.push(fakeStatusReply(self.language, self.behaviour.problem));
          self.pull?.();
        }
        if (self.behaviour.disconnectAfter !== undefined && self.received.length >= self.behaviour.disconnectAfter) {
          self.disconnect();
          throw new Error('The device has been lost.');
        }
      }
    });
    this.readable = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) => {
          const give = () => {
            const next = self.replies.shift();
            if (next) {
              controller.enqueue(next);
              resolve();
            } else self.pull = give;
          };
          give();
        })
    });
  }

  async close() {
    this.readable = null;
    this.writable = null;
  }

  addEventListener(_t: 'disconnect', l: () => void) {
    this.listeners.add(l);
  }
  removeEventListener(_t: 'disconnect', l: () => void) {
    this.listeners.delete(l);
  }
  disconnect(): void {
    for (const l of [...this.listeners]) l();
  }
}

export class FakeBlePrinter implements BluetoothDeviceLike {
  readonly name = 'Fake BLE printer';
  received: number[] = [];
  writes: number[] = [];
  private listeners = new Set<() => void>();
  connected = false;
  readonly gatt: GattServerLike;

  constructor(
    public behaviour: FakeBehaviour & { service?: string } = {},
    /** Largest write the characteristic accepts (real devices reject longer ones). */
    readonly mtu = 182
  ) {
    const known = BLE_PRINTER_SERVICES.find((s) => s.service === (behaviour.service ?? BLE_PRINTER_SERVICES[0].service))!;
    const characteristic: GattCharacteristicLike = {
      properties: { write: true, writeWithoutResponse: true },
      writeValueWithResponse: (v) => this.accept(v),
      writeValueWithoutResponse: (v) => this.accept(v)
    };
    const self = this;
    this.gatt = {
      get connected() {
        return self.connected;
      },
      connect: async () => {
        self.connected = true;
        return self.gatt;
      },
      disconnect: () => {
        self.connected = false;
      },
      getPrimaryService: async (uuid) => {
        if (uuid !== known.service) throw Object.assign(new Error('No Services matching UUID found in Device.'), { name: 'NotFoundError' });
        return { getCharacteristic: async (c) => (c === known.write ? characteristic : Promise.reject(new Error('no characteristic'))) };
      }
    };
  }

  private async accept(v: Uint8Array): Promise<void> {
    if (!this.connected) throw Object.assign(new Error('GATT Server is disconnected.'), { name: 'NetworkError' });
    if (v.length > this.mtu) throw new Error(`write of ${v.length} bytes exceeds the device limit of ${this.mtu}`);
    this.writes.push(v.length);
    for (const b of v) this.received.push(b);
    if (this.behaviour.disconnectAfter !== undefined && this.received.length >= this.behaviour.disconnectAfter) this.outOfRange();
  }

  outOfRange(): void {
    this.connected = false;
    for (const l of [...this.listeners]) l();
  }

  addEventListener(_t: 'gattserverdisconnected', l: () => void) {
    this.listeners.add(l);
  }
  removeEventListener(_t: 'gattserverdisconnected', l: () => void) {
    this.listeners.delete(l);
  }
}
