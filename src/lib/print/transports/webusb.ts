// WebUSB printers. The device is described by the subset of USBDevice we use, so tests drive a fake.
// The bulk OUT endpoint is found from the descriptors (printer class 7 first, then any interface with a
// bulk OUT endpoint), writes go out in chunks and a short write sends the rest, a stall is cleared once.
import { chunks, Listeners, throwIfAborted, TransportError, withTimeout, type PrinterTransport, type WriteOptions } from './transport';

export interface UsbEndpointLike {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
  packetSize: number;
}
export interface UsbAlternateLike {
  alternateSetting: number;
  interfaceClass: number;
  endpoints: UsbEndpointLike[];
}
export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternates: UsbAlternateLike[];
}
export interface UsbConfigurationLike {
  configurationValue: number;
  interfaces: UsbInterfaceLike[];
}
export interface UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string;
  readonly opened: boolean;
  readonly configuration: UsbConfigurationLike | null;
  readonly configurations: UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  selectAlternateInterface(n: number, alt: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array): Promise<{ bytesWritten: number; status: 'ok' | 'stall' | 'babble' }>;
  transferIn(endpoint: number, length: number): Promise<{ data?: DataView; status: 'ok' | 'stall' | 'babble' }>;
  clearHalt(direction: 'in' | 'out', endpoint: number): Promise<void>;
}

export const USB_PRINTER_CLASS = 7;

export interface UsbRoute {
  configurationValue: number;
  interfaceNumber: number;
  alternateSetting: number;
  out: UsbEndpointLike;
  in?: UsbEndpointLike;
}

/** The interface and endpoints to print through, or null when the device has no bulk OUT endpoint. */
export function findPrinterRoute(device: Pick<UsbDeviceLike, 'configurations'>): UsbRoute | null {
  const candidates: (UsbRoute & { printerClass: boolean })[] = [];
  for (const cfg of device.configurations)
    for (const itf of cfg.interfaces)
      for (const alt of itf.alternates) {
        const out = alt.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
        if (!out) continue;
        const inEp = alt.endpoints.find((e) => e.direction === 'in' && e.type === 'bulk');
        candidates.push({ configurationValue: cfg.configurationValue, interfaceNumber: itf.interfaceNumber, alternateSetting: alt.alternateSetting, out, in: inEp, printerClass: alt.interfaceClass === USB_PRINTER_CLASS });
      }
  const best = candidates.find((c) => c.printerClass) ?? candidates[0];
  if (!best) return null;
  const { printerClass: _ignored, ...route } = best;
  return route;
}

const isGone = (e: unknown) => (e as { name?: string })?.name === 'NotFoundError' || /disconnected|not found/i.test(String((e as Error)?.message));

export class WebUsbTransport implements PrinterTransport {
  readonly kind = 'webusb' as const;
  readonly label: string;
  private route: UsbRoute | null = null;
  private listeners = new Listeners();
  private gone = false;
  private unwatch?: () => void;

  constructor(
    private device: UsbDeviceLike,
    private opts: {
      /** Bytes per transferOut; a profile setting (64 KB suits most printers, cheap ones want less). */
      chunkSize?: number;
      /** Subscribes to the device going away (the app layer listens to navigator.usb 'disconnect'). */
      watchDisconnect?: (onGone: () => void) => () => void;
    } = {}
  ) {
    this.label = `${device.productName || `USB ${device.vendorId.toString(16).padStart(4, '0')}:${device.productId.toString(16).padStart(4, '0')}`} (USB)`;
    this.unwatch = opts.watchDisconnect?.(() => {
      this.gone = true;
      this.listeners.fire();
    });
  }

  async open(): Promise<void> {
    const route = findPrinterRoute(this.device);
    if (!route) throw new TransportError('unsupported', `${this.label} has no bulk OUT endpoint: it is not a printer Packdesk can drive over USB`);
    try {
      if (!this.device.opened) await this.device.open();
      if (this.device.configuration?.configurationValue !== route.configurationValue) await this.device.selectConfiguration(route.configurationValue);
      await this.device.claimInterface(route.interfaceNumber);
      if (route.alternateSetting !== 0) await this.device.selectAlternateInterface(route.interfaceNumber, route.alternateSetting);
    } catch (e) {
      if (isGone(e)) throw new TransportError('disconnected', `${this.label} was unplugged`, 0, { cause: e });
      throw new TransportError(
        'access-denied',
        `${this.label} could not be opened (${(e as Error)?.message ?? e}). On Windows the printer driver holds the device: use system print or switch the device to WinUSB. On Linux the usblp driver must let go of it (see the setup help).`,
        0,
        { cause: e }
      );
    }
    this.route = route;
    this.gone = false;
  }

  async write(bytes: Uint8Array, opts: WriteOptions = {}): Promise<void> {
    const route = this.requireOpen();
    const size = this.opts.chunkSize ?? 64 * 1024;
    let written = 0;
    for (const chunk of chunks(bytes, size)) {
      let rest = chunk;
      let zeroWrites = 0;
      let stalls = 0;
      while (rest.length) {
        throwIfAborted(opts.signal, written);
        if (this.gone) throw new TransportError('disconnected', `${this.label} was unplugged`, written);
        let res: Awaited<ReturnType<UsbDeviceLike['transferOut']>>;
        try {
          res = await this.device.transferOut(route.out.endpointNumber, rest);
        } catch (e) {
          if (isGone(e) || this.gone) throw new TransportError('disconnected', `${this.label} was unplugged`, written, { cause: e });
          throw new TransportError('stalled', `${this.label} stopped accepting data: ${(e as Error)?.message ?? e}`, written, { cause: e });
        }
        if (res.status === 'stall') {
          if (++stalls > 1) throw new TransportError('stalled', `${this.label} keeps refusing data (endpoint stalled)`, written);
          await this.device.clearHalt('out', route.out.endpointNumber);
          continue;
        }
        if (res.bytesWritten === 0 && ++zeroWrites >= 3) throw new TransportError('stalled', `${this.label} accepted no data three times in a row`, written);
        written += res.bytesWritten;
        rest = rest.subarray(res.bytesWritten);
        opts.onProgress?.(written, bytes.length);
      }
    }
  }

  async read(max: number, timeoutMs: number): Promise<Uint8Array> {
    const route = this.requireOpen();
    if (!route.in) throw new TransportError('unsupported', `${this.label} has no bulk IN endpoint: it cannot report its status`);
    let res: Awaited<ReturnType<UsbDeviceLike['transferIn']>>;
    try {
      res = await withTimeout(this.device.transferIn(route.in.endpointNumber, max), timeoutMs, `${this.label} status`);
    } catch (e) {
      if (e instanceof TransportError) throw e;
      if (isGone(e) || this.gone) throw new TransportError('disconnected', `${this.label} was unplugged`, 0, { cause: e });
      throw new TransportError('stalled', `${this.label} status read failed: ${(e as Error)?.message ?? e}`, 0, { cause: e });
    }
    if (res.status !== 'ok' || !res.data) throw new TransportError('stalled', `${this.label} status read failed (${res.status})`);
    return new Uint8Array(res.data.buffer, res.data.byteOffset, res.data.byteLength);
  }

  async close(): Promise<void> {
    const route = this.route;
    this.route = null;
    this.unwatch?.();
    this.unwatch = undefined;
    if (!route || this.gone) return;
    // A failed release is moot: close() below frees the interface and reports its own failure.
    await this.device.releaseInterface(route.interfaceNumber).catch(() => undefined);
    await this.device.close();
  }

  onDisconnect(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  private requireOpen(): UsbRoute {
    if (!this.route) throw new TransportError(this.gone ? 'disconnected' : 'closed', `${this.label} is not open`);
    return this.route;
  }
}
