// The page's handle on printing: the print worker (layout and encoding off the main thread), and the one
// place that asks the browser for printers (WebUSB, Web Serial, Web Bluetooth) and wraps them in transports:
// a new one is picked by the person (a click), a saved one is found again by its identity without asking.
import { proxy, wrap, type Remote } from 'comlink';
import type { PrintApi, ChunkListener, BatchRequest } from '../print/canvas/print-api';
import type { PrinterTransport } from '../print/transports/transport';
import { WebUsbTransport, USB_PRINTER_CLASS, type UsbDeviceLike } from '../print/transports/webusb';
import { WebSerialTransport, type SerialPortLike } from '../print/transports/webserial';
import { WebBluetoothTransport, BLE_PRINTER_SERVICES, type BluetoothDeviceLike } from '../print/transports/webbluetooth';
import { matchesSerial, matchesUsb, type DeviceIdentityInput, type SavedPrinter } from '../print/saved-printer';

export type ConnectionKind = 'webusb' | 'webserial' | 'webbluetooth';

let worker: Remote<PrintApi> | undefined;

export function printWorker(): Remote<PrintApi> {
  worker ??= wrap<PrintApi>(new Worker(new URL('../../../workers/print.worker.ts', import.meta.url), { type: 'module', name: 'packdesk-print' }));
  return worker;
}

/** encodeBatch with a listener that runs on this thread. */
export const encodeBatch = (req: BatchRequest, onChunk: ChunkListener) => printWorker().encodeBatch(req, proxy(onChunk));

/** Which connections this browser offers (Chromium on desktop and Android; iPad: system print only). */
export function availableConnections(): Record<ConnectionKind, boolean> {
  const n = nav();
  return { webusb: !!n.usb, webserial: !!n.serial, webbluetooth: !!n.bluetooth };
}

/** Known label-printer vendors besides the printer class (quirks as data): Xprinter, Gprinter, TSC, Zebra, HPRT. */
const USB_VENDORS = [0x1fc9, 0x0483, 0x1203, 0x0a5f, 0x20d1, 0x6868, 0x0fe6];

interface UsbLike {
  requestDevice(o: { filters: object[] }): Promise<UsbDeviceLike>;
  getDevices(): Promise<UsbDeviceLike[]>;
  addEventListener(t: 'disconnect', l: (e: { device: unknown }) => void): void;
  removeEventListener(t: 'disconnect', l: (e: { device: unknown }) => void): void;
}
type SerialPortInfo = SerialPortLike & { getInfo?(): { usbVendorId?: number; usbProductId?: number } };
interface SerialLike {
  requestPort(): Promise<SerialPortInfo>;
  getPorts?(): Promise<SerialPortInfo[]>;
}
type BluetoothDevice = BluetoothDeviceLike & { id?: string };
interface BluetoothLike {
  requestDevice(o: object): Promise<BluetoothDevice>;
  /** Devices allowed before; Chrome offers it only with the new permissions backend. */
  getDevices?(): Promise<BluetoothDevice[]>;
}
type Nav = Navigator & { usb?: UsbLike; serial?: SerialLike; bluetooth?: BluetoothLike };
const nav = () => navigator as Nav;

function usbTransport(usb: UsbLike, device: UsbDeviceLike): PrinterTransport {
  return new WebUsbTransport(device, {
    chunkSize: 16 * 1024,
    watchDisconnect: (gone) => {
      const l = (e: { device: unknown }) => e.device === device && gone();
      usb.addEventListener('disconnect', l);
      return () => usb.removeEventListener('disconnect', l);
    }
  });
}

const serialTransport = (port: SerialPortLike, o: { baudRate: number; flowControl: 'none' | 'hardware'; label?: string }) =>
  new WebSerialTransport(port, { baudRate: o.baudRate, flowControl: o.flowControl, chunkSize: 1024, paceMs: 5, label: o.label });

/** A printer the person just picked: the open transport, how to find the device again, and its name. */
export interface PickedPrinter {
  transport: PrinterTransport;
  identity: DeviceIdentityInput;
  name: string;
}

/** Asks the person to pick a printer (needs a click), opens it, and says how to find it again later. */
export async function pickPrinter(kind: ConnectionKind, opts: { baudRate?: number; flowControl?: 'none' | 'hardware' } = {}): Promise<PickedPrinter> {
  const n = nav();
  let picked: PickedPrinter;
  if (kind === 'webusb') {
    if (!n.usb) throw new Error('This browser has no WebUSB: use Chrome or Edge, or system print.');
    const device = await n.usb.requestDevice({ filters: [{ classCode: USB_PRINTER_CLASS }, ...USB_VENDORS.map((vendorId) => ({ vendorId }))] });
    const serialNumber = (device as { serialNumber?: string | null }).serialNumber ?? undefined;
    const transport = usbTransport(n.usb, device);
    picked = { transport, identity: { kind, vendorId: device.vendorId, productId: device.productId, serialNumber }, name: device.productName || transport.label };
  } else if (kind === 'webserial') {
    if (!n.serial) throw new Error('This browser has no Web Serial: use Chrome or Edge on a computer.');
    const port = await n.serial.requestPort();
    const info = port.getInfo?.() ?? {};
    const line = { baudRate: opts.baudRate ?? 9600, flowControl: opts.flowControl ?? 'none' } as const;
    const transport = serialTransport(port, line);
    picked = { transport, identity: { kind, usbVendorId: info.usbVendorId, usbProductId: info.usbProductId, ...line }, name: transport.label };
  } else {
    if (!n.bluetooth) throw new Error('This browser has no Web Bluetooth.');
    const device = await n.bluetooth.requestDevice({ acceptAllDevices: true, optionalServices: BLE_PRINTER_SERVICES.map((s) => s.service) });
    const transport = new WebBluetoothTransport(device);
    picked = { transport, identity: { kind, name: device.name, id: device.id }, name: device.name || transport.label };
  }
  await picked.transport.open();
  return picked;
}

/** Asks the person to pick a printer (needs a click), then opens it. */
export async function connectPrinter(kind: ConnectionKind, opts: { baudRate?: number } = {}): Promise<PrinterTransport> {
  return (await pickPrinter(kind, opts)).transport;
}

/**
 * A saved printer found among the devices this site was allowed before and opened without asking (page
 * load, dialog open, replug). Null when it is not there (unplugged, switched off, permission revoked):
 * that is "plug it in", not an error. A device that is there but refuses to open throws.
 */
export async function reconnectSaved(printer: SavedPrinter): Promise<PrinterTransport | null> {
  const n = nav();
  const id = printer.device;
  let transport: PrinterTransport | null = null;
  if (id.kind === 'webusb' && n.usb) {
    const device = (await n.usb.getDevices()).find((d) => matchesUsb(id, { vendorId: d.vendorId, productId: d.productId, serialNumber: (d as { serialNumber?: string | null }).serialNumber }));
    if (device) transport = usbTransport(n.usb, device);
  } else if (id.kind === 'webserial' && n.serial?.getPorts) {
    const port = (await n.serial.getPorts()).find((p) => matchesSerial(id, p.getInfo?.() ?? {}));
    if (port) transport = serialTransport(port, { baudRate: id.baudRate, flowControl: id.flowControl, label: printer.name });
  } else if (id.kind === 'webbluetooth' && n.bluetooth?.getDevices && id.id) {
    const device = (await n.bluetooth.getDevices()).find((d) => d.id === id.id);
    if (device) transport = new WebBluetoothTransport(device);
  }
  if (!transport) return null;
  await transport.open();
  return transport;
}

/** A USB printer this site was allowed before, opened without asking (for reconnects and page loads). */
export async function pairedUsbPrinter(): Promise<PrinterTransport | null> {
  const usb = nav().usb;
  if (!usb) return null;
  const [device] = await usb.getDevices();
  if (!device) return null;
  const transport = usbTransport(usb, device);
  await transport.open();
  return transport;
}
