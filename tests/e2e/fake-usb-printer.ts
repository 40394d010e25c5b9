// A fake WebUSB label printer installed into the page before the app loads (navigator.usb is replaced):
// it records every byte and keeps each label job whole (TSPL up to `PRINT`, ZPL up to `^XZ`) for the test
// to render and scan, answers TSPL (ESC ! ?) and ZPL (~HS) status queries, and can be unplugged, replugged
// or run out of paper from the test. The app sees a real USBDevice-shaped object and drives it through
// WebUsbTransport. With `grants: 'like-chrome'` it is listed by getDevices() only once the site was allowed
// to use it (the grant survives reloads, kept in sessionStorage), as Chrome does.
import type { Page } from '@playwright/test';

export async function installFakeUsbPrinter(page: Page, opts: { grants?: 'always' | 'like-chrome' } = {}): Promise<void> {
  await page.addInitScript((grants) => {
    const GRANT = 'fake-usb-granted';
    const granted = () => grants !== 'like-chrome' || !!sessionStorage.getItem(GRANT);
    const listeners = new Set<(e: { device: unknown }) => void>();
    const state = { received: 0, text: '', labels: 0, problem: 0, unplugged: false, disconnectAfterLabels: -1, jobs: [] as string[], opens: 0, log: '' };
    /** Bytes of the label being received (latin1, one char per byte), and status reply bytes not yet read. */
    let job = '';
    const reply: number[] = [];
    const JOB_END = /PRINT \d+,\d+\r?\n|\^XZ\n?/;
    // ~HS: three STX…ETX strings; paper out is field 2 of the first (TSPL status bit 0x04 stands for it here).
    const zplStatus = () => `\x02030,${state.problem & 4 ? 1 : 0},0,1245,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,0,0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n`;
    const gone = () => Object.assign(new Error('The device was disconnected.'), { name: 'NotFoundError' });
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
    const device = {
      vendorId: 0x1fc9,
      productId: 0x2016,
      serialNumber: 'FAKE0001',
      productName: 'Fake TSPL printer',
      opened: false,
      configuration: null as unknown,
      configurations: [config],
      async open() {
        if (state.unplugged) throw gone();
        this.opened = true;
      },
      async close() {
        this.opened = false;
      },
      async selectConfiguration() {
        this.configuration = config;
      },
      async claimInterface() {
        if (state.unplugged) throw gone();
        state.opens++;
      },
      async releaseInterface() {},
      async selectAlternateInterface() {},
      async clearHalt() {},
      async transferOut(_ep: number, data: Uint8Array) {
        if (state.unplugged) throw gone();
        const text = Array.from(data, (b) => String.fromCharCode(b)).join('');
        state.received += data.length;
        state.text = (state.text + text).slice(-64);
        state.log += text;
        if (text === '~HS') reply.push(...Array.from(zplStatus(), (c) => c.charCodeAt(0)));
        else if (text !== '\x1b!?') {
          job += text;
          for (let m = JOB_END.exec(job); m; m = JOB_END.exec(job)) {
            state.jobs.push(job.slice(0, m.index + m[0].length));
            job = job.slice(m.index + m[0].length);
          }
        }
        const printed = (text.match(/PRINT 1,|\^XZ/g) ?? []).length;
        state.labels += printed;
        if (printed && state.disconnectAfterLabels > 0 && state.labels >= state.disconnectAfterLabels) {
          state.disconnectAfterLabels = -1;
          state.unplugged = true;
          setTimeout(() => listeners.forEach((l) => l({ device })), 0);
        }
        return { bytesWritten: data.length, status: 'ok' };
      },
      async transferIn(_ep: number, length: number) {
        if (state.unplugged) throw gone();
        const bytes = reply.length ? Uint8Array.from(reply.splice(0, length)) : Uint8Array.of(state.problem).subarray(0, length);
        return { data: new DataView(bytes.buffer), status: 'ok' };
      }
    };
    const usb = {
      async requestDevice() {
        if (state.unplugged) throw Object.assign(new Error('No device selected.'), { name: 'NotFoundError' });
        sessionStorage.setItem(GRANT, '1');
        return device;
      },
      async getDevices() {
        return state.unplugged || !granted() ? [] : [device];
      },
      addEventListener: (_t: string, l: (e: { device: unknown }) => void) => listeners.add(l),
      removeEventListener: (_t: string, l: (e: { device: unknown }) => void) => listeners.delete(l)
    };
    Object.defineProperty(navigator, 'usb', { value: usb, configurable: true });
    (globalThis as unknown as { __fakeUsb: unknown }).__fakeUsb = {
      state,
      replug: () => {
        state.unplugged = false;
      }
    };
  }, opts.grants ?? 'always');
}

/** What the printer received since the last call, as text: latin1 for commands, GBK for Chinese. */
export async function takeReceived(page: Page): Promise<{ latin1: string; gbk: string }> {
  const log = await page.evaluate(() => {
    const s = (globalThis as unknown as { __fakeUsb: { state: { log: string } } }).__fakeUsb.state;
    const out = s.log;
    s.log = '';
    return out;
  });
  const bytes = Uint8Array.from(log, (c) => c.charCodeAt(0));
  return { latin1: log, gbk: new TextDecoder('gbk').decode(bytes) };
}

/** How often the app claimed the printer's interface (each connect or reconnect opens it once). */
export const usbOpens = (page: Page) => page.evaluate(() => (globalThis as unknown as { __fakeUsb: { state: { opens: number } } }).__fakeUsb.state.opens);

export const fakeUsbState = (page: Page) => page.evaluate(() => (globalThis as unknown as { __fakeUsb: { state: { received: number; labels: number; unplugged: boolean } } }).__fakeUsb.state);

/** The label jobs the fake printer received, in order, as bytes (each a whole TSPL or ZPL label). */
export async function receivedJobs(page: Page): Promise<Uint8Array[]> {
  const jobs = await page.evaluate(() => (globalThis as unknown as { __fakeUsb: { state: { jobs: string[] } } }).__fakeUsb.state.jobs);
  return jobs.map((j) => Uint8Array.from(j, (c) => c.charCodeAt(0)));
}
