// Web Bluetooth (BLE) printers: data goes to a GATT write characteristic in writes of a size the device
// accepts (20–512 bytes: a profile setting). The services below are the common ones of cheap BLE label
// and receipt printers; every one must also be listed in requestDevice's optionalServices.
import { chunks, Listeners, throwIfAborted, TransportError, type PrinterTransport, type WriteOptions } from './transport';

/** Known printer services and their write characteristics (PROTOCOLS.md). Quirks are data. */
export const BLE_PRINTER_SERVICES: readonly { service: string; write: string }[] = [
  { service: '000018f0-0000-1000-8000-00805f9b34fb', write: '00002af1-0000-1000-8000-00805f9b34fb' },
  { service: '49535343-fe7d-4ae5-8fa9-9fafd205e455', write: '49535343-8841-43f4-a8d4-ecbe34729bb3' },
  { service: 'e7810a71-73ae-499d-8c15-faa9aef0c3f2', write: 'bef8d6c9-9c21-4c9e-b632-bd58c1009f9f' },
  { service: '0000ff00-0000-1000-8000-00805f9b34fb', write: '0000ff02-0000-1000-8000-00805f9b34fb' },
  { service: '0000ffe0-0000-1000-8000-00805f9b34fb', write: '0000ffe1-0000-1000-8000-00805f9b34fb' }
];

export interface GattCharacteristicLike {
  readonly properties: { write: boolean; writeWithoutResponse: boolean };
  writeValueWithResponse(value: Uint8Array): Promise<void>;
  writeValueWithoutResponse(value: Uint8Array): Promise<void>;
}
export interface GattServiceLike {
  getCharacteristic(uuid: string): Promise<GattCharacteristicLike>;
}
export interface GattServerLike {
  readonly connected: boolean;
  connect(): Promise<GattServerLike>;
  disconnect(): void;
  getPrimaryService(uuid: string): Promise<GattServiceLike>;
}
export interface BluetoothDeviceLike {
  readonly name?: string;
  readonly gatt?: GattServerLike;
  addEventListener(type: 'gattserverdisconnected', listener: () => void): void;
  removeEventListener(type: 'gattserverdisconnected', listener: () => void): void;
}

export class WebBluetoothTransport implements PrinterTransport {
  readonly kind = 'webbluetooth' as const;
  readonly label: string;
  private characteristic: GattCharacteristicLike | null = null;
  private listeners = new Listeners();
  private gone = false;
  private onGone = () => {
    this.gone = true;
    this.characteristic = null;
    this.listeners.fire();
  };

  constructor(
    private device: BluetoothDeviceLike,
    private opts: { writeSize?: number } = {}
  ) {
    this.label = `${device.name || 'Bluetooth printer'} (Bluetooth)`;
  }

  async open(): Promise<void> {
    const gatt = this.device.gatt;
    if (!gatt) throw new TransportError('unsupported', `${this.label} offers no GATT server`);
    let server: GattServerLike;
    try {
      server = gatt.connected ? gatt : await gatt.connect();
    } catch (e) {
      throw new TransportError('disconnected', `${this.label} did not connect: is it on and in range?`, 0, { cause: e });
    }
    for (const known of BLE_PRINTER_SERVICES) {
      const found = await server
        .getPrimaryService(known.service)
        .then((s) => s.getCharacteristic(known.write))
        .catch(() => null); // not this vendor's service: try the next one
      if (found && (found.properties.writeWithoutResponse || found.properties.write)) {
        this.characteristic = found;
        this.device.addEventListener('gattserverdisconnected', this.onGone);
        this.gone = false;
        return;
      }
    }
    throw new TransportError('unsupported', `${this.label} has none of the printer services Packdesk knows`);
  }

  async write(bytes: Uint8Array, opts: WriteOptions = {}): Promise<void> {
    let written = 0;
    for (const chunk of chunks(bytes, this.opts.writeSize ?? 180)) {
      throwIfAborted(opts.signal, written);
      const ch = this.characteristic;
      if (!ch || this.gone) throw new TransportError('disconnected', `${this.label} went out of range or was switched off`, written);
      try {
        if (ch.properties.writeWithoutResponse) await ch.writeValueWithoutResponse(chunk);
        else await ch.writeValueWithResponse(chunk);
      } catch (e) {
        throw new TransportError(this.gone ? 'disconnected' : 'stalled', `${this.label} write failed: ${(e as Error)?.message ?? e}`, written, { cause: e });
      }
      written += chunk.length;
      opts.onProgress?.(written, bytes.length);
    }
  }

  async read(): Promise<Uint8Array> {
    throw new TransportError('unsupported', `${this.label}: status over Bluetooth is not supported yet`);
  }

  async close(): Promise<void> {
    this.device.removeEventListener('gattserverdisconnected', this.onGone);
    this.characteristic = null;
    if (this.device.gatt?.connected) this.device.gatt.disconnect();
  }

  onDisconnect(listener: () => void): () => void {
    return this.listeners.add(listener);
  }
}
