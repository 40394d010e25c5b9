// A fake WebUSB label printer installed into the page before the app loads (navigator.usb is replaced):
// it records every byte, answers TSPL status queries, and can be unplugged, replugged or run out of paper
// from the test. The app sees a real USBDevice-shaped object and drives it through WebUsbTransport.
import type { Page } from '@playwright/test';

export async function installFakeUsbPrinter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const listeners = new Set<(e: { device: unknown }) => void>();
    const state = { received: 0, text: '', labels: 0, problem: 0, unplugged: false, disconnectAfterLabels: -1 };
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
      },
      async releaseInterface() {},
      async selectAlternateInterface() {},
      async clearHalt() {},
      async transferOut(_ep: number, data: Uint8Array) {
        if (state.unplugged) throw gone();
        const text = new TextDecoder('latin1').decode(data);
        state.received += data.length;
        state.text = (state.text + text).slice(-64);
        const printed = (text.match(/PRINT 1,/g) ?? []).length;
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
        const reply = Uint8Array.of(state.problem).subarray(0, length);
        return { data: new DataView(reply.buffer), status: 'ok' };
      }
    };
    const usb = {
      async requestDevice() {
        if (state.unplugged) throw Object.assign(new Error('No device selected.'), { name: 'NotFoundError' });
        return device;
      },
      async getDevices() {
        return state.unplugged ? [] : [device];
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
  });
}

export const fakeUsbState = (page: Page) => page.evaluate(() => (globalThis as unknown as { __fakeUsb: { state: { received: number; labels: number; unplugged: boolean } } }).__fakeUsb.state);
