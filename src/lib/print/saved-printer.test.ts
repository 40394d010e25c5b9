import { describe, expect, test } from 'vitest';
import { builtinTemplate } from './builtin-templates';
import {
  forLoadedMedia,
  matchesSerial,
  matchesUsb,
  mediaFits,
  newSavedPrinter,
  NO_PRINTERS,
  parseSavedPrinters,
  removePrinter,
  SavedPrinter,
  sameDevice,
  upsertPrinter,
  withDefault
} from './saved-printer';

const usb = (over: Partial<{ vendorId: number; productId: number; serialNumber: string }> = {}) => ({ kind: 'webusb' as const, vendorId: 0x1fc9, productId: 0x2016, serialNumber: 'A1', ...over });

describe('a new printer is filled from what the browser knows', () => {
  test('language is guessed from the USB vendor, at 203 dpi, with the media that language usually holds', () => {
    const zebra = newSavedPrinter({ id: 'p1', name: 'ZD421', device: usb({ vendorId: 0x0a5f }) });
    expect(zebra.profile).toMatchObject({ language: 'zpl', dpi: 203, copies: 1, render: 'native', offset: { x: 0, y: 0 } });
    expect(zebra.media).toEqual({ width: 100, height: 150, kind: 'gap', gapMm: 2 });
    const epson = newSavedPrinter({ id: 'p2', name: 'TM-T82', device: usb({ vendorId: 0x04b8 }) });
    expect(epson.profile.language).toBe('escpos');
    expect(epson.media.kind).toBe('continuous');
    expect(newSavedPrinter({ id: 'p3', name: 'x', device: usb({ vendorId: 0x1234 }) }).profile.language).toBe('tspl');
    // An unknown vendor takes the language the print dialog had selected; a known one keeps its own.
    expect(newSavedPrinter({ id: 'p4', name: 'x', device: usb({ vendorId: 0x1234 }), fallbackLanguage: 'zpl' }).profile.language).toBe('zpl');
    expect(newSavedPrinter({ id: 'p5', name: 'x', device: usb({ vendorId: 0x04b8 }), fallbackLanguage: 'zpl' }).profile.language).toBe('escpos');
  });

  test('a serial printer keeps its line settings; an empty name gets a placeholder', () => {
    const p = newSavedPrinter({ id: 's', name: '  ', device: { kind: 'webserial', usbVendorId: 0x0a5f, usbProductId: 1, baudRate: 115200, flowControl: 'hardware' } });
    expect(p).toMatchObject({ name: 'Printer', connection: 'webserial', device: { baudRate: 115200, flowControl: 'hardware' }, profile: { language: 'zpl' } });
  });
});

describe('the saved list', () => {
  const a = newSavedPrinter({ id: 'a', name: 'A', device: usb() });
  const b = newSavedPrinter({ id: 'b', name: 'B', device: usb({ serialNumber: 'B2' }) });

  test('the first printer becomes the default; replacing keeps the order; deleting the default moves it on', () => {
    let s = upsertPrinter(NO_PRINTERS, a);
    s = upsertPrinter(s, b);
    expect(s.defaultId).toBe('a');
    s = upsertPrinter(s, { ...a, profile: { ...a.profile, darkness: 12 } });
    expect(s.printers.map((p) => [p.id, p.profile.darkness])).toEqual([
      ['a', 12],
      ['b', undefined]
    ]);
    s = withDefault(s, 'b');
    expect(removePrinter(s, 'a').defaultId).toBe('b');
    expect(removePrinter(s, 'b')).toEqual({ printers: [s.printers[0]], defaultId: 'a' });
    expect(() => withDefault(s, 'zz')).toThrow(/no saved printer/);
  });

  test('invalid values are refused with the field named', () => {
    expect(() => upsertPrinter(NO_PRINTERS, { ...a, profile: { ...a.profile, copies: 0 } })).toThrow(/copies/);
    expect(() => upsertPrinter(NO_PRINTERS, { ...a, media: { ...a.media, width: 2 } })).toThrow(/width/);
    expect(SavedPrinter.safeParse({ ...a, connection: 'webserial' }).success).toBe(false);
  });

  test('stored data with a damaged entry keeps the valid printers and a default that exists', () => {
    const parsed = parseSavedPrinters({ printers: [a, { id: 'bad' }, b], defaultId: 'bad' });
    expect(parsed.printers.map((p) => p.id)).toEqual(['a', 'b']);
    expect(parsed.defaultId).toBe('a');
    expect(parseSavedPrinters(undefined)).toEqual(NO_PRINTERS);
  });
});

describe('finding a saved printer among the devices the browser allows', () => {
  test('USB: vendor, product and the serial number when both sides have one', () => {
    expect(matchesUsb(usb(), { vendorId: 0x1fc9, productId: 0x2016, serialNumber: 'A1' })).toBe(true);
    expect(matchesUsb(usb(), { vendorId: 0x1fc9, productId: 0x2016, serialNumber: 'B2' })).toBe(false);
    expect(matchesUsb(usb(), { vendorId: 0x1fc9, productId: 0x2016 })).toBe(true);
    expect(matchesUsb(usb(), { vendorId: 0x1fc9, productId: 0x2017, serialNumber: 'A1' })).toBe(false);
  });

  test('serial: only ports with USB ids can be recognised', () => {
    const id = { kind: 'webserial' as const, usbVendorId: 0x1a86, usbProductId: 0x7523, baudRate: 9600, flowControl: 'none' as const };
    expect(matchesSerial(id, { usbVendorId: 0x1a86, usbProductId: 0x7523 })).toBe(true);
    expect(matchesSerial(id, { usbVendorId: 0x1a86, usbProductId: 0x5523 })).toBe(false);
    expect(matchesSerial({ ...id, usbVendorId: undefined }, {})).toBe(false);
    expect(sameDevice(usb(), id)).toBe(false);
  });
});

describe('the loaded media', () => {
  const waybill = builtinTemplate('waybill-100x150');
  test('a template of another size does not fit; a receipt roll only needs the width', () => {
    expect(mediaFits({ width: 100, height: 150, kind: 'gap', gapMm: 2 }, waybill.size)).toBe(true);
    expect(mediaFits({ width: 76, height: 130, kind: 'gap', gapMm: 2 }, waybill.size)).toBe(false);
    expect(mediaFits({ width: 80, height: 150, kind: 'continuous', gapMm: 0 }, { width: 72, height: 400 })).toBe(true);
  });
  test('a label printer loaded with black-mark stock prints the template with BLINE, not GAP', () => {
    const t = forLoadedMedia(waybill, { width: 100, height: 150, kind: 'mark', gapMm: 3 });
    expect(t.media).toEqual({ kind: 'mark', mark: 3, offset: 0 });
    expect(forLoadedMedia(waybill, { width: 80, height: 150, kind: 'continuous', gapMm: 0 }).media).toEqual(waybill.media);
  });
});

describe('entries this version cannot read', () => {
  test('are kept aside and stay through an upsert and a removal', () => {
    const future = { id: 'printer-new', name: 'From a newer version', connection: 'wifi', profile: {} };
    const good = newSavedPrinter({ id: 'p1', name: 'XP-420B', device: { kind: 'system' } });
    const state = parseSavedPrinters({ printers: [good, future], defaultId: 'p1' });
    expect(state.printers.map((p) => p.id)).toEqual(['p1']);
    const next = removePrinter(upsertPrinter(state, newSavedPrinter({ id: 'p2', name: 'Other', device: { kind: 'system' } })), 'p1');
    expect(next.unreadable).toEqual([future]);
    expect(next.printers.map((p) => p.id)).toEqual(['p2']);
  });
});
