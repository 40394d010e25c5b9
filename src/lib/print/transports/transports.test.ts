import { describe, expect, it } from 'vitest';
import { WebUsbTransport, findPrinterRoute } from './webusb';
import { WebSerialTransport } from './webserial';
import { WebBluetoothTransport, BLE_PRINTER_SERVICES } from './webbluetooth';
import { FakeBlePrinter, FakeSerialPrinter, FakeUsbPrinter } from './fakes';
import { parseStatus, STATUS_QUERY, replyComplete } from './status';
import { TransportError } from './transport';

const label = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

describe('WebUSB transport', () => {
  it('finds the bulk OUT endpoint of the printer-class interface, not interface 0 blindly', () => {
    const route = findPrinterRoute({
      configurations: [
        {
          configurationValue: 1,
          interfaces: [
            { interfaceNumber: 0, alternates: [{ alternateSetting: 0, interfaceClass: 3, endpoints: [{ endpointNumber: 1, direction: 'in', type: 'interrupt', packetSize: 8 }] }] },
            { interfaceNumber: 1, alternates: [{ alternateSetting: 0, interfaceClass: 0xff, endpoints: [{ endpointNumber: 5, direction: 'out', type: 'bulk', packetSize: 64 }] }] },
            {
              interfaceNumber: 2,
              alternates: [
                {
                  alternateSetting: 0,
                  interfaceClass: 7,
                  endpoints: [
                    { endpointNumber: 3, direction: 'out', type: 'bulk', packetSize: 512 },
                    { endpointNumber: 4, direction: 'in', type: 'bulk', packetSize: 512 }
                  ]
                }
              ]
            }
          ]
        }
      ]
    });
    expect(route).toMatchObject({ interfaceNumber: 2, out: { endpointNumber: 3 }, in: { endpointNumber: 4 } });
  });

  it('delivers every byte in order through chunking and short writes', async () => {
    const printer = new FakeUsbPrinter('tspl', { maxPerTransfer: 100 });
    const t = new WebUsbTransport(printer, { chunkSize: 256, watchDisconnect: printer.watch });
    await t.open();
    const bytes = label(5000);
    const progress: number[] = [];
    await t.write(bytes, { onProgress: (w) => progress.push(w) });
    expect(printer.receivedBytes()).toEqual(bytes);
    // 19 full chunks of 256 take three transfers each (100 + 100 + 56); the last 136 bytes take two.
    expect(printer.transfers).toBe(19 * 3 + 2);
    expect(progress.at(-1)).toBe(5000);
  });

  it('clears one stall and carries on, but gives up on a printer that keeps stalling', async () => {
    const once = new FakeUsbPrinter('tspl', { stalls: 1 });
    const t1 = new WebUsbTransport(once);
    await t1.open();
    await t1.write(label(10));
    expect(once.received).toHaveLength(10);

    const stuck = new FakeUsbPrinter('tspl', { stalls: 5 });
    const t2 = new WebUsbTransport(stuck);
    await t2.open();
    await expect(t2.write(label(10))).rejects.toMatchObject({ kind: 'stalled' });
  });

  it('reports a disconnect mid-write with how many bytes got through, and tells listeners', async () => {
    const printer = new FakeUsbPrinter('zpl', { disconnectAfter: 700 });
    const t = new WebUsbTransport(printer, { chunkSize: 256, watchDisconnect: printer.watch });
    let told = 0;
    t.onDisconnect(() => told++);
    await t.open();
    const err = await t.write(label(2000)).catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err.kind).toBe('disconnected');
    expect(err.bytesWritten).toBe(700);
    expect(told).toBe(1);
  });

  it('stops between chunks when the caller aborts', async () => {
    const printer = new FakeUsbPrinter('tspl');
    const t = new WebUsbTransport(printer, { chunkSize: 100 });
    await t.open();
    const ctl = new AbortController();
    const err = await t.write(label(1000), { onProgress: (w) => w >= 300 && ctl.abort(), signal: ctl.signal }).catch((e) => e);
    expect(err.kind).toBe('aborted');
    expect(printer.received).toHaveLength(300);
  });

  it('reads paper out from a TSPL printer and times out on a silent one', async () => {
    const printer = new FakeUsbPrinter('tspl', { problem: 'paper-out' });
    const t = new WebUsbTransport(printer);
    await t.open();
    await t.write(STATUS_QUERY.tspl);
    expect(parseStatus('tspl', await t.read(8, 500))).toEqual({ ready: false, problems: ['paper-out'], busy: false });
    printer.behaviour = { silent: true };
    await expect(t.read(8, 50)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('explains an interface it cannot claim in words a seller can act on', async () => {
    const printer = new FakeUsbPrinter('tspl');
    printer.claimInterface = async () => {
      throw Object.assign(new Error('Unable to claim interface.'), { name: 'NetworkError' });
    };
    const err = await new WebUsbTransport(printer).open().catch((e) => e);
    expect(err.kind).toBe('access-denied');
    expect(err.message).toMatch(/system print|WinUSB|usblp/);
  });
});

describe('Web Serial transport', () => {
  it('opens with the profile baud rate and flow control and writes everything in paced chunks', async () => {
    const port = new FakeSerialPrinter('escpos');
    const t = new WebSerialTransport(port, { baudRate: 115200, flowControl: 'hardware', chunkSize: 512, paceMs: 1 });
    await t.open();
    expect(port.openedWith).toEqual({ baudRate: 115200, flowControl: 'hardware' });
    const bytes = label(3000);
    await t.write(bytes);
    expect(Uint8Array.from(port.received)).toEqual(bytes);
  });

  it('reads an ESC/POS paper-end status and reports a port that goes away', async () => {
    const port = new FakeSerialPrinter('escpos', { problem: 'paper-out' });
    const t = new WebSerialTransport(port, { baudRate: 9600 });
    await t.open();
    await t.write(STATUS_QUERY.escpos);
    expect(parseStatus('escpos', await t.read(1, 500)).problems).toEqual(['paper-out']);
    let told = false;
    t.onDisconnect(() => (told = true));
    port.behaviour = { disconnectAfter: port.received.length + 100 };
    await expect(t.write(label(1000))).rejects.toMatchObject({ kind: 'disconnected' });
    expect(told).toBe(true);
  });
});

describe('Web Bluetooth transport', () => {
  it('finds a known printer service and never writes more than the device takes at once', async () => {
    const dev = new FakeBlePrinter({ service: BLE_PRINTER_SERVICES[2].service }, 100);
    const t = new WebBluetoothTransport(dev, { writeSize: 100 });
    await t.open();
    const bytes = label(1234);
    await t.write(bytes);
    expect(Uint8Array.from(dev.received)).toEqual(bytes);
    expect(Math.max(...dev.writes)).toBeLessThanOrEqual(100);
  });

  it('reports going out of range mid-write', async () => {
    const dev = new FakeBlePrinter({ disconnectAfter: 360 });
    const t = new WebBluetoothTransport(dev, { writeSize: 180 });
    await t.open();
    const err = await t.write(label(1000)).catch((e) => e);
    expect(err).toMatchObject({ kind: 'disconnected', bytesWritten: 360 });
  });
});

describe('printer status replies', () => {
  it('reads ZPL ~HS flags for paper out and head open', () => {
    const enc = (paper: number, head: number) =>
      new TextEncoder().encode(`\x02030,${paper},0,1245,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,${head},0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n`);
    expect(parseStatus('zpl', enc(1, 0)).problems).toEqual(['paper-out']);
    expect(parseStatus('zpl', enc(0, 1)).problems).toEqual(['head-open']);
    expect(parseStatus('zpl', enc(0, 0)).ready).toBe(true);
    expect(replyComplete('zpl', enc(0, 0).subarray(0, 40))).toBe(false);
    expect(() => parseStatus('zpl', new TextEncoder().encode('garbage'))).toThrow(/unreadable/);
  });

  it('reads every TSPL status bit, treating "printing" as busy rather than a problem', () => {
    expect(parseStatus('tspl', Uint8Array.of(0x00))).toEqual({ ready: true, problems: [], busy: false });
    expect(parseStatus('tspl', Uint8Array.of(0x20))).toEqual({ ready: true, problems: [], busy: true });
    expect(parseStatus('tspl', Uint8Array.of(0x41)).problems).toEqual(['head-open', 'cover-open']);
  });

  it('lets an ESC/POS printer near the end of its roll keep printing', () => {
    const st = parseStatus('escpos', Uint8Array.of(0x12 | 0x0c));
    expect(st).toEqual({ ready: true, problems: ['paper-near-end'], busy: false });
  });
});
