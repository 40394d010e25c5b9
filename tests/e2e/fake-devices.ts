// Fake printers behind the three browser device APIs (navigator.usb, navigator.serial, navigator.bluetooth),
// installed into the page before the app loads, so the app's real transports, queue and dialog drive them.
// All three feed one TSPL printer model that answers `ESC ! ?`, keeps each complete label job (SIZE … PRINT)
// and "prints" a job only while paper is loaded; a job cut off by a disconnect never prints, and the resent
// job after it counts once (the printer discards the partial commands, as the app's queue assumes). Each fake
// records every write it was offered and can misbehave on cue: USB short writes, a USB unplug or a Bluetooth
// drop in the middle of a given label, paper running out. Tests steer and read them through window.__fakeDevices.
import type { Page } from '@playwright/test';

/** GATT service and write characteristic of the fake BLE printer (the ISSC pair in BLE_PRINTER_SERVICES). */
export const FAKE_BLE_SERVICE = '49535343-fe7d-4ae5-8fa9-9fafd205e455';
export const FAKE_BLE_WRITE = '49535343-8841-43f4-a8d4-ecbe34729bb3';

export type FakeName = 'usb' | 'serial' | 'bluetooth';

/** What one fake printer saw, read back into the test. */
export interface FakeRecord {
  /** Size of every write offered to the device (transferOut data, stream chunk, GATT value), in order. */
  offered: number[];
  /** Bytes the device accepted (less than offered on a short write or after a disconnect). */
  accepted: number;
  /** Complete label jobs received (latin1 text from the job's SIZE through its PRINT line), in order. */
  jobs: string[];
  /** Jobs that came out of the printer (received while paper was loaded). */
  printed: string[];
  /** Partial jobs a disconnect cut off (they never print). */
  fragments: number;
  statusQueries: number;
  /** The status byte the printer answers with now (0 = ready, 0x04 = paper out). */
  status: number;
  /** Serial: the options of every port.open(); Bluetooth: the options of requestDevice(). */
  opens: unknown[];
  /** Times the device went away. */
  disconnects: number;
}

/** Installs all three fakes. Call before page.goto(). */
export async function installFakeDevices(page: Page): Promise<void> {
  await page.addInitScript(
    ({ service, write }) => {
      const latin1 = (bytes: Uint8Array) => {
        let s = '';
        for (const b of bytes) s += String.fromCharCode(b);
        return s;
      };
      const STATUS_QUERY = '\x1b!?';
      const JOB_END = /PRINT \d+,\d+\r\n$/;

      /** The TSPL printer every fake feeds. */
      class Printer {
        offered: number[] = [];
        accepted = 0;
        jobs: string[] = [];
        printed: string[] = [];
        fragments = 0;
        statusQueries = 0;
        status = 0;
        opens: unknown[] = [];
        disconnects = 0;
        /** Labels left on the roll; the next label after the last one finds no paper. */
        paper = Infinity;
        /** Bytes of the job being received. */
        pending = '';
        /** Status replies waiting to be read (USB) or pushed (serial). */
        replies: number[] = [];
        onReply: ((bytes: Uint8Array) => void) | null = null;

        receive(bytes: Uint8Array): void {
          this.accepted += bytes.length;
          for (const b of bytes) {
            this.pending += String.fromCharCode(b);
            // A status query is answered at once, even between the bytes of a job (real printers do too).
            if (this.pending.endsWith(STATUS_QUERY)) {
              this.pending = this.pending.slice(0, -STATUS_QUERY.length);
              this.statusQueries++;
              if (this.onReply) this.onReply(Uint8Array.of(this.status));
              else this.replies.push(this.status);
              continue;
            }
            if (b === 0x0a && JOB_END.test(this.pending)) this.endJob();
          }
        }

        private endJob(): void {
          // Commands left over from a job cut off by a disconnect end at the next SIZE: only the whole job prints.
          const start = this.pending.lastIndexOf('SIZE ');
          if (start > 0) this.fragments++;
          const job = this.pending.slice(Math.max(0, start));
          this.pending = '';
          this.jobs.push(job);
          if (this.paper > 0) {
            this.paper--;
            this.printed.push(job);
          } else this.status |= 0x04; // the label found no paper: it did not print, and the printer says so
        }

        /** The link went away; a partial job stays in `pending` and is dropped at the next job's SIZE. */
        wentAway(): void {
          this.disconnects++;
        }

        loadPaper(labels = Infinity): void {
          this.paper = labels;
          this.status &= ~0x04;
        }

        record() {
          const { offered, accepted, jobs, printed, fragments, statusQueries, status, opens, disconnects } = this;
          return { offered, accepted, jobs, printed, fragments, statusQueries, status, opens, disconnects };
        }
      }

      const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

      // ---- WebUSB ----------------------------------------------------------------------------------
      const usbPrinter = new Printer();
      const usbListeners = new Set<(e: { device: unknown }) => void>();
      const usbControl = {
        printer: usbPrinter,
        /** Accept at most these many bytes per transferOut, in turn (a short write when smaller than the data). */
        shortWrites: [] as number[],
        /** Unplug once this label (1-based) has `afterBytes` of its bytes accepted. */
        unplugDuring: null as { label: number; afterBytes: number } | null,
        unplugged: false,
        device: null as unknown,
        replug: () => {
          usbControl.unplugged = false;
          usbControl.device = makeUsbDevice(); // a replugged device is a new USBDevice in Chrome
        }
      };
      let shortWriteTurn = 0;
      const config = {
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
      const gone = () => domError('NotFoundError', 'The device was disconnected.');
      function makeUsbDevice() {
        const device = {
          vendorId: 0x1fc9,
          productId: 0x2016,
          serialNumber: 'FAKE-TSPL-1',
          productName: 'Fake USB TSPL printer',
          opened: false,
          configuration: null as unknown,
          configurations: [config],
          async open() {
            if (usbControl.unplugged || usbControl.device !== device) throw gone();
            device.opened = true;
          },
          async close() {
            device.opened = false;
          },
          async selectConfiguration() {
            device.configuration = config;
          },
          async claimInterface() {
            if (usbControl.unplugged) throw gone();
          },
          async releaseInterface() {},
          async selectAlternateInterface() {},
          async clearHalt() {},
          async transferOut(_ep: number, data: Uint8Array) {
            if (usbControl.unplugged || usbControl.device !== device) throw gone();
            usbPrinter.offered.push(data.length);
            let n = data.length;
            const pattern = usbControl.shortWrites;
            if (pattern.length) n = Math.min(n, pattern[shortWriteTurn++ % pattern.length]);
            const plan = usbControl.unplugDuring;
            let unplug = false;
            if (plan && usbPrinter.jobs.length === plan.label - 1 && latin1(data.subarray(0, 5)) !== STATUS_QUERY) {
              const have = usbPrinter.pending.length;
              if (have + n >= plan.afterBytes) {
                n = Math.max(0, plan.afterBytes - have);
                unplug = true;
              }
            }
            usbPrinter.receive(data.subarray(0, n));
            if (unplug) {
              usbControl.unplugDuring = null;
              usbControl.unplugged = true;
              usbPrinter.wentAway();
              setTimeout(() => usbListeners.forEach((l) => l({ device })), 0);
            }
            return { bytesWritten: n, status: 'ok' };
          },
          async transferIn(_ep: number, length: number) {
            if (usbControl.unplugged || usbControl.device !== device) throw gone();
            const bytes = Uint8Array.from(usbPrinter.replies.splice(0, length));
            return { data: new DataView(bytes.buffer), status: 'ok' };
          }
        };
        return device;
      }
      usbControl.device = makeUsbDevice();
      const usb = {
        async requestDevice() {
          if (usbControl.unplugged) throw domError('NotFoundError', 'No device selected.');
          return usbControl.device;
        },
        async getDevices() {
          return usbControl.unplugged ? [] : [usbControl.device];
        },
        addEventListener: (_t: string, l: (e: { device: unknown }) => void) => usbListeners.add(l),
        removeEventListener: (_t: string, l: (e: { device: unknown }) => void) => usbListeners.delete(l)
      };

      // ---- Web Serial ------------------------------------------------------------------------------
      const serialPrinter = new Printer();
      const serialListeners = new Set<() => void>();
      let granted = false;
      const port = {
        readable: null as ReadableStream<Uint8Array> | null,
        writable: null as WritableStream<Uint8Array> | null,
        getInfo: () => ({ usbVendorId: 0x1a86, usbProductId: 0x7523 }), // a CH340 USB-serial adapter
        async open(options: { baudRate: number; flowControl?: string }) {
          if (port.writable) throw domError('InvalidStateError', 'The port is already open.');
          if (!(options.baudRate > 0)) throw new TypeError('baudRate is required');
          serialPrinter.opens.push({ ...options });
          port.readable = new ReadableStream<Uint8Array>({
            start(controller) {
              serialPrinter.onReply = (bytes) => controller.enqueue(bytes);
            }
          });
          port.writable = new WritableStream<Uint8Array>({
            write(chunk) {
              serialPrinter.offered.push(chunk.length);
              serialPrinter.receive(chunk);
            }
          });
        },
        async close() {
          port.readable = null;
          port.writable = null;
          serialPrinter.onReply = null;
        },
        addEventListener: (_t: string, l: () => void) => serialListeners.add(l),
        removeEventListener: (_t: string, l: () => void) => serialListeners.delete(l)
      };
      const serial = {
        async requestPort() {
          granted = true;
          return port;
        },
        async getPorts() {
          return granted ? [port] : [];
        }
      };

      // ---- Web Bluetooth ---------------------------------------------------------------------------
      const blePrinter = new Printer();
      const bleListeners = new Set<() => void>();
      const bleControl = {
        printer: blePrinter,
        /** Largest value the fake accepts in one write (the ATT maximum). */
        maxWrite: 512,
        /** Go out of range once this label (1-based) has at least `afterBytes` of its bytes received. */
        dropDuring: null as { label: number; afterBytes: number } | null,
        outOfRange: false,
        backInRange: () => {
          bleControl.outOfRange = false;
        }
      };
      let allowed: string[] = [];
      const characteristic = {
        uuid: write,
        properties: { write: true, writeWithoutResponse: true },
        async writeValueWithoutResponse(value: BufferSource) {
          if (!gatt.connected) throw domError('NetworkError', 'GATT Server is disconnected. Cannot perform GATT operations.');
          const bytes = value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer);
          blePrinter.offered.push(bytes.length);
          if (bytes.length > bleControl.maxWrite) throw domError('InvalidModificationError', 'Value can\'t exceed 512 bytes.');
          blePrinter.receive(bytes);
          const plan = bleControl.dropDuring;
          if (plan && blePrinter.jobs.length === plan.label - 1 && blePrinter.pending.length >= plan.afterBytes) {
            bleControl.dropDuring = null;
            bleControl.outOfRange = true;
            gatt.connected = false;
            blePrinter.wentAway();
            setTimeout(() => bleListeners.forEach((l) => l()), 0);
          }
        },
        async writeValueWithResponse(value: BufferSource) {
          return characteristic.writeValueWithoutResponse(value);
        }
      };
      const gatt = {
        connected: false,
        async connect() {
          if (bleControl.outOfRange) throw domError('NetworkError', 'Connection failed for unknown reason.');
          gatt.connected = true;
          return gatt;
        },
        disconnect() {
          gatt.connected = false;
        },
        async getPrimaryService(uuid: string) {
          if (!gatt.connected) throw domError('NetworkError', 'GATT Server is disconnected.');
          // Chrome refuses services the page did not list in optionalServices.
          if (!allowed.includes(uuid)) throw domError('SecurityError', `Origin is not allowed to access the service ${uuid}.`);
          if (uuid !== service) throw domError('NotFoundError', `No Services matching UUID ${uuid} found in Device.`);
          return {
            async getCharacteristic(c: string) {
              if (c !== write) throw domError('NotFoundError', `No Characteristics matching UUID ${c} found in Service.`);
              return characteristic;
            }
          };
        }
      };
      const bleDevice = {
        id: 'fake-ble-printer-1',
        name: 'Fake BLE printer',
        gatt,
        addEventListener: (_t: string, l: () => void) => bleListeners.add(l),
        removeEventListener: (_t: string, l: () => void) => bleListeners.delete(l)
      };
      const bluetooth = {
        async requestDevice(options: { optionalServices?: string[] }) {
          blePrinter.opens.push(JSON.parse(JSON.stringify(options)));
          allowed = options.optionalServices ?? [];
          return bleDevice;
        }
      };

      Object.defineProperty(navigator, 'usb', { value: usb, configurable: true });
      Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
      Object.defineProperty(navigator, 'bluetooth', { value: bluetooth, configurable: true });
      (globalThis as unknown as { __fakeDevices: unknown }).__fakeDevices = {
        usb: usbControl,
        serial: { printer: serialPrinter },
        bluetooth: bleControl
      };
    },
    { service: FAKE_BLE_SERVICE, write: FAKE_BLE_WRITE }
  );
}

/** What the fake printer behind `which` has seen so far. */
export function fakeRecord(page: Page, which: FakeName): Promise<FakeRecord> {
  return page.evaluate((w) => (globalThis as unknown as { __fakeDevices: Record<FakeName, { printer: { record(): FakeRecord } }> }).__fakeDevices[w].printer.record(), which);
}

/** The fakes' controls as the page holds them (for page.evaluate in tests). */
export interface FakeDevices {
  usb: { shortWrites: number[]; unplugDuring: { label: number; afterBytes: number } | null; unplugged: boolean; replug(): void; printer: FakePrinterControl };
  serial: { printer: FakePrinterControl };
  bluetooth: { maxWrite: number; dropDuring: { label: number; afterBytes: number } | null; outOfRange: boolean; backInRange(): void; printer: FakePrinterControl };
}
export interface FakePrinterControl {
  paper: number;
  loadPaper(labels?: number): void;
}

/** The page's global holding the fakes, for casts inside page.evaluate (closures do not cross into the page). */
export type FakeWindow = { __fakeDevices: FakeDevices };

/** The label a job prints: its waybill barcode (the tracking number). */
export function trackingOf(job: string): string {
  const m = /BARCODE [^\r\n]*,"([^"]+)"\r\n/.exec(job);
  if (!m) throw new Error(`a label job without a barcode: ${JSON.stringify(job.slice(0, 120))}`);
  return m[1];
}

/** How many times each tracking number was printed. */
export function countByTracking(jobs: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const j of jobs) counts.set(trackingOf(j), (counts.get(trackingOf(j)) ?? 0) + 1);
  return counts;
}
