// A fake WebUSB TSPL printer for `npm run bench` (installed with addInitScript before the app loads): it takes
// bytes as fast as the transport sends them, answers status queries "ready", and notes when the first bytes
// and each label arrived (performance.now()), so the bench can time press-print -> first bytes on the wire.
(() => {
  const state = (window.__benchUsb = { firstAt: null, lastAt: null, bytes: 0, labels: 0, writes: 0 });
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
  const latin1 = new TextDecoder('latin1');
  const device = {
    vendorId: 0x1fc9,
    productId: 0x2016,
    productName: 'Bench TSPL printer',
    opened: false,
    configuration: null,
    configurations: [config],
    async open() {
      this.opened = true;
    },
    async close() {
      this.opened = false;
    },
    async selectConfiguration() {
      this.configuration = config;
    },
    async claimInterface() {},
    async releaseInterface() {},
    async selectAlternateInterface() {},
    async clearHalt() {},
    async transferOut(_ep, data) {
      const now = performance.now();
      state.firstAt ??= now;
      state.lastAt = now;
      state.bytes += data.length;
      state.writes++;
      state.labels += (latin1.decode(data).match(/PRINT 1,/g) ?? []).length;
      return { bytesWritten: data.length, status: 'ok' };
    },
    async transferIn(_ep, length) {
      return { data: new DataView(new Uint8Array(length).buffer), status: 'ok' };
    }
  };
  const usb = {
    requestDevice: async () => device,
    getDevices: async () => [device],
    addEventListener() {},
    removeEventListener() {}
  };
  Object.defineProperty(navigator, 'usb', { value: usb, configurable: true });
})();
