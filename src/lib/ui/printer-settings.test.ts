// The printer settings state with the in-memory station and a fake browser: devices are saved once and
// recognised again, an absent printer is "plug it in" (no error), the test page goes to the chosen printer.
import { describe, expect, test } from 'vitest';
import { createMemoryStation } from '../app/memory-station';
import { latin1 } from '../print/bytes';
import { encodeLayout } from '../print/encoders/index';
import { fallbackGlyphs } from '../print/glyphs';
import { layoutTemplate } from '../print/layout';
import { PrinterProfile, targetFor } from '../print/profiles';
import { MemoryTransport } from '../print/queue/memory-transport';
import { parseTemplate } from '../print/template';
import { PrinterSettings, type PrinterPorts } from './printer-settings.svelte';

function setup(opts: { present?: boolean } = {}) {
  const api = createMemoryStation();
  const devices: MemoryTransport[] = [];
  let present = opts.present ?? true;
  const ports: PrinterPorts = {
    async pick() {
      const transport = new MemoryTransport('tspl', 'XP-420B (USB)');
      devices.push(transport);
      return { transport, identity: { kind: 'webusb', vendorId: 0x1fc9, productId: 0x2016, serialNumber: 'S1' }, name: 'XP-420B' };
    },
    async reconnect() {
      if (!present) return null;
      const t = new MemoryTransport('tspl', 'XP-420B (USB)');
      devices.push(t);
      return t;
    },
    async encode(req) {
      const profile = PrinterProfile.parse(req.profile);
      const layout = layoutTemplate(parseTemplate(req.template), req.context, targetFor(profile));
      return encodeLayout(layout, { profile, glyphs: fallbackGlyphs({ tofu: true }) }).map((bytes, i, all) => ({ context: 0, page: i + 1, pages: all.length, bytes }));
    },
    now: () => Date.UTC(2025, 0, 1)
  };
  const state = new PrinterSettings(api, () => ({ id: 's1', name: '1号台' }), ports);
  return { api, ports, state, devices, setPresent: (v: boolean) => (present = v) };
}

/** Transports over one physical device: closing any of them closes the device (as WebUSB does). */
class SharedDeviceTransport extends MemoryTransport {
  constructor(private device: { open: boolean }) {
    super('tspl', 'XP-420B (USB)');
  }
  override async open(): Promise<void> {
    this.device.open = true;
  }
  override async close(): Promise<void> {
    this.device.open = false;
  }
  override async write(bytes: Uint8Array): Promise<void> {
    if (!this.device.open) throw new Error('device closed');
    await super.write(bytes);
  }
}

describe('printer settings', () => {
  test('a connected serial printer saved with a new baud rate is reopened at that rate', async () => {
    const { ports, state } = setup();
    const opened: number[] = [];
    ports.pick = async () => ({ transport: new MemoryTransport('tspl', 'Serial'), identity: { kind: 'webserial', usbVendorId: 0x0483, usbProductId: 0x5740, baudRate: 9600 }, name: 'Serial printer' });
    ports.reconnect = async (p) => {
      opened.push(p.device.kind === 'webserial' ? (p.device.baudRate ?? 0) : -1);
      return new MemoryTransport('tspl', 'Serial');
    };
    const p = await state.add('webserial');
    state.select(p.id);
    const draft = state.draft!;
    if (draft.device.kind === 'webserial') draft.device.baudRate = 115200;
    await state.save();
    expect(opened).toEqual([115200]);
    expect(state.link(p.id)).toBe('connected');
  });

  test('connecting the same printer again (after paper-out) leaves it usable; two reconnects at once make one attempt', async () => {
    const { api, ports, state } = setup();
    const device = { open: false };
    let reconnects = 0;
    ports.pick = async () => {
      const transport = new SharedDeviceTransport(device);
      await transport.open();
      return { transport, identity: { kind: 'webusb', vendorId: 0x1fc9, productId: 0x2016, serialNumber: 'S1' }, name: 'XP-420B' };
    };
    const p = await state.add('webusb');
    await state.add('webusb');
    await state.transport(p.id)!.write(new TextEncoder().encode('PRINT 1,1\r\n'));
    expect(device.open).toBe(true);

    ports.reconnect = async () => {
      reconnects++;
      await new Promise((r) => setTimeout(r, 5));
      return new SharedDeviceTransport(device);
    };
    const fresh = new PrinterSettings(api, () => ({ id: 's1', name: '1号台' }), ports);
    await fresh.load();
    const [a, b] = await Promise.all([fresh.reconnect(p.id), fresh.reconnect(p.id)]);
    expect(a).toBe(b);
    expect(reconnects).toBe(1);
  });


  test('a picked device is saved once, becomes the default, and is recognised when picked again', async () => {
    const { api, state } = setup();
    const first = await state.add('webusb');
    const again = await state.add('webusb');
    expect(again.id).toBe(first.id);
    const saved = await api.printers();
    expect(saved.printers).toHaveLength(1);
    expect(saved.defaultId).toBe(first.id);
    expect(state.link(first.id)).toBe('connected');
  });

  test('edits are saved from the draft; invalid values are refused with the field named', async () => {
    const { api, state } = setup();
    const p = await state.add('webusb');
    state.select(p.id);
    state.draft!.profile.darkness = 12;
    state.nudge('x', 0.25);
    state.nudge('x', 0.25);
    expect(state.dirty).toBe(true);
    await state.save();
    expect(state.notice).toBe('saved');
    expect((await api.printers()).printers[0].profile).toMatchObject({ darkness: 12, offset: { x: 0.5, y: 0 } });
    state.draft!.profile.copies = 0;
    await state.save();
    expect(state.error).toMatch(/copies/);
    expect((await api.printers()).printers[0].profile.copies).toBe(1);
  });

  test('a saved printer that is not plugged in is "absent", not an error; plugged in, it reconnects without asking', async () => {
    const { api, ports, state, setPresent } = setup({ present: false });
    const p = await state.add('webusb');
    // Another page load: a new state over the same station.
    const fresh = new PrinterSettings(api, () => null, ports);
    await fresh.reconnectAll();
    expect(fresh.link(p.id)).toBe('absent');
    expect(fresh.error).toBe('');
    setPresent(true);
    await fresh.reconnect(p.id);
    expect(fresh.link(p.id)).toBe('connected');
  });

  test('the test page goes to the selected printer with its settings; unplugged it says so', async () => {
    const { state, devices } = setup();
    const p = await state.add('webusb');
    state.select(p.id);
    state.draft!.profile.darkness = 9;
    state.draft!.profile.copies = 2;
    await state.printTestPage();
    expect(state.error).toBe('');
    expect(state.notice).toBe('testSent');
    const text = devices[0].writes.map((w) => latin1(w)).join('');
    expect(text).toContain('DENSITY 9\r\n');
    expect(text).toContain('"PACKDESK-TEST"');
    expect(text.endsWith('PRINT 1,2\r\n')).toBe(true);
    devices[0].disconnect();
    expect(state.link(p.id)).toBe('absent');
  });
});
