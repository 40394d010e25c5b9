// The page's handle on printing: the print worker (layout and encoding off the main thread), and the one
// place that asks the browser for printers (WebUSB, Web Serial, Web Bluetooth) and wraps them in transports.
import { proxy, wrap, type Remote } from 'comlink';
import type { PrintApi, ChunkListener, BatchRequest } from '../print/canvas/print-api';
import type { PrinterTransport } from '../print/transports/transport';
import { WebUsbTransport, USB_PRINTER_CLASS, type UsbDeviceLike } from '../print/transports/webusb';
import { WebSerialTransport, type SerialPortLike } from '../print/transports/webserial';
import { WebBluetoothTransport, BLE_PRINTER_SERVICES, type BluetoothDeviceLike } from '../print/transports/webbluetooth';

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
  const nav = navigator as Navigator & { usb?: unknown; serial?: unknown; bluetooth?: unknown };
  return { webusb: !!nav.usb, webserial: !!nav.serial, webbluetooth: !!nav.bluetooth };
}

/** Known label-printer vendors besides the printer class (quirks as data): Xprinter, Gprinter, TSC, Zebra, HPRT. */
const USB_VENDORS = [0x1fc9, 0x0483, 0x1203, 0x0a5f, 0x20d1, 0x6868, 0x0fe6];

interface UsbLike {
  requestDevice(o: { filters: object[] }): Promise<UsbDeviceLike>;
  getDevices(): Promise<UsbDeviceLike[]>;
  addEventListener(t: 'disconnect', l: (e: { device: unknown }) => void): void;
  removeEventListener(t: 'disconnect', l: (e: { device: unknown }) => void): void;
}

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

/** Asks the person to pick a printer (needs a click), then opens it. */
export async function connectPrinter(kind: ConnectionKind, opts: { baudRate?: number } = {}): Promise<PrinterTransport> {
  const nav = navigator as Navigator & { usb?: UsbLike; serial?: { requestPort(): Promise<SerialPortLike> }; bluetooth?: { requestDevice(o: object): Promise<BluetoothDeviceLike> } };
  let transport: PrinterTransport;
  if (kind === 'webusb') {
    if (!nav.usb) throw new Error('This browser has no WebUSB: use Chrome or Edge, or system print.');
    const device = await nav.usb.requestDevice({ filters: [{ classCode: USB_PRINTER_CLASS }, ...USB_VENDORS.map((vendorId) => ({ vendorId }))] });
    transport = usbTransport(nav.usb, device);
  } else if (kind === 'webserial') {
    if (!nav.serial) throw new Error('This browser has no Web Serial: use Chrome or Edge on a computer.');
    transport = new WebSerialTransport(await nav.serial.requestPort(), { baudRate: opts.baudRate ?? 9600, chunkSize: 1024, paceMs: 5 });
  } else {
    if (!nav.bluetooth) throw new Error('This browser has no Web Bluetooth.');
    const device = await nav.bluetooth.requestDevice({ acceptAllDevices: true, optionalServices: BLE_PRINTER_SERVICES.map((s) => s.service) });
    transport = new WebBluetoothTransport(device);
  }
  await transport.open();
  return transport;
}

/** A USB printer this site was allowed before, opened without asking (for reconnects and page loads). */
export async function pairedUsbPrinter(): Promise<PrinterTransport | null> {
  const usb = (navigator as Navigator & { usb?: UsbLike }).usb;
  if (!usb) return null;
  const [device] = await usb.getDevices();
  if (!device) return null;
  const transport = usbTransport(usb, device);
  await transport.open();
  return transport;
}
