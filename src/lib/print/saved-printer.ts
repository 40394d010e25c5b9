// Printers saved on one station (station-local, never synced: a USB printer belongs to the PC it is plugged
// into). Each keeps how to find the device again without asking (USB ids and serial number, the serial
// adapter's USB ids and line settings, the Bluetooth name), its printer profile and the media loaded in it.
// Guesses for a new device (language by USB vendor, 203 dpi, label size) and the per-language ranges of
// darkness and speed are data tables here, so the settings screen and the encoders agree on them.
import { z } from 'zod';
import { PrinterProfile, type PrinterLanguage, type PrinterProfileInput } from './profiles';
import type { Template } from './template';

export const Connection = z.enum(['webusb', 'webserial', 'webbluetooth', 'system']);
export type Connection = z.infer<typeof Connection>;

const UsbId = z.number().int().min(0).max(0xffff);

export const DeviceIdentity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webusb'), vendorId: UsbId, productId: UsbId, serialNumber: z.string().optional() }),
  z.object({
    kind: z.literal('webserial'),
    /** The USB-serial adapter's ids, when the port is on USB (Bluetooth SPP and built-in ports have none). */
    usbVendorId: UsbId.optional(),
    usbProductId: UsbId.optional(),
    baudRate: z.number().int().positive().default(9600),
    flowControl: z.enum(['none', 'hardware']).default('none')
  }),
  z.object({ kind: z.literal('webbluetooth'), name: z.string().optional(), id: z.string().optional() }),
  z.object({ kind: z.literal('system') })
]);
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;
export type DeviceIdentityInput = z.input<typeof DeviceIdentity>;

/** What is loaded in the printer, in mm: label size and how the printer finds the next label. */
export const PrinterMedia = z.object({
  width: z.number().min(10).max(300),
  height: z.number().min(10).max(2000),
  kind: z.enum(['gap', 'mark', 'continuous']).default('gap'),
  /** Height of the gap between labels, or of the black mark on the back. */
  gapMm: z.number().min(0).max(30).default(2)
});
export type PrinterMedia = z.infer<typeof PrinterMedia>;

export const SavedPrinter = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1).max(80),
    connection: Connection,
    device: DeviceIdentity,
    profile: PrinterProfile,
    media: PrinterMedia
  })
  .refine((p) => p.connection === p.device.kind, { message: 'the device identity does not match the connection', path: ['device'] });
export type SavedPrinter = z.infer<typeof SavedPrinter>;
export type SavedPrinterInput = z.input<typeof SavedPrinter>;

/** The station's printers and which one printing uses unless another is chosen. */
export interface SavedPrinters {
  printers: SavedPrinter[];
  defaultId: string | null;
  /**
   * Stored entries this version cannot read (damaged, or saved by a newer version in another tab): kept as
   * they are and written back, so saving one printer never deletes another.
   */
  unreadable?: unknown[];
}

export const NO_PRINTERS: SavedPrinters = { printers: [], defaultId: null };

/** Reads stored printers, keeping every valid one (a damaged entry never hides the others). */
export function parseSavedPrinters(raw: unknown): SavedPrinters {
  const r = raw as { printers?: unknown[]; defaultId?: unknown } | null | undefined;
  const printers: SavedPrinter[] = [];
  const unreadable: unknown[] = [];
  for (const p of Array.isArray(r?.printers) ? r.printers : []) {
    const ok = SavedPrinter.safeParse(p);
    if (ok.success) printers.push(ok.data);
    else unreadable.push(p);
  }
  const defaultId = typeof r?.defaultId === 'string' && printers.some((p) => p.id === r.defaultId) ? r.defaultId : (printers[0]?.id ?? null);
  return unreadable.length ? { printers, defaultId, unreadable } : { printers, defaultId };
}

/** Adds or replaces a printer (validated); the first printer saved becomes the default. */
export function upsertPrinter(state: SavedPrinters, input: SavedPrinterInput): SavedPrinters {
  const p = SavedPrinter.parse(input);
  const i = state.printers.findIndex((x) => x.id === p.id);
  const printers = i < 0 ? [...state.printers, p] : state.printers.map((x, j) => (j === i ? p : x));
  return { ...state, printers, defaultId: state.defaultId ?? p.id };
}

/** Removes a printer; when it was the default, the first remaining one takes over. */
export function removePrinter(state: SavedPrinters, id: string): SavedPrinters {
  const printers = state.printers.filter((p) => p.id !== id);
  return { ...state, printers, defaultId: state.defaultId === id ? (printers[0]?.id ?? null) : state.defaultId };
}

export function withDefault(state: SavedPrinters, id: string | null): SavedPrinters {
  if (id !== null && !state.printers.some((p) => p.id === id)) throw new Error(`no saved printer ${id}`);
  return { ...state, defaultId: id };
}

/** USB vendors of printers whose language is (almost always) known. A guess the seller can change. */
export const USB_VENDOR_LANGUAGE: readonly { vendorId: number; maker: string; language: PrinterLanguage }[] = [
  { vendorId: 0x0a5f, maker: 'Zebra', language: 'zpl' },
  { vendorId: 0x1203, maker: 'TSC', language: 'tspl' },
  { vendorId: 0x1fc9, maker: 'Xprinter', language: 'tspl' },
  { vendorId: 0x6868, maker: 'Gprinter 佳博', language: 'tspl' },
  { vendorId: 0x20d1, maker: 'HPRT 汉印', language: 'tspl' },
  { vendorId: 0x0483, maker: 'STM-based label printer', language: 'tspl' },
  { vendorId: 0x04b8, maker: 'Epson', language: 'escpos' },
  { vendorId: 0x0519, maker: 'Star', language: 'escpos' },
  { vendorId: 0x0fe6, maker: 'receipt printer', language: 'escpos' },
  { vendorId: 0x0416, maker: 'receipt printer', language: 'escpos' }
];

export function languageForUsbVendor(vendorId: number | undefined): PrinterLanguage | undefined {
  return USB_VENDOR_LANGUAGE.find((v) => v.vendorId === vendorId)?.language;
}

/** Darkness in each language's own scale; ESC/POS has no portable command (set it on the printer). */
export const DARKNESS_SCALE: Record<PrinterLanguage, { min: number; max: number } | null> = {
  tspl: { min: 0, max: 15 },
  zpl: { min: -30, max: 30 },
  escpos: null
};

/** Print speed in inches per second (TSPL SPEED, ZPL ^PR); ESC/POS has no portable command. */
export const SPEED_SCALE: Record<PrinterLanguage, { min: number; max: number; step: number } | null> = {
  tspl: { min: 1, max: 12, step: 0.5 },
  zpl: { min: 2, max: 14, step: 1 },
  escpos: null
};

/** The media a new printer of this language most likely holds: 100×150 waybills, or an 80 mm roll. */
export function defaultMedia(language: PrinterLanguage): PrinterMedia {
  return language === 'escpos' ? { width: 80, height: 150, kind: 'continuous', gapMm: 0 } : { width: 100, height: 150, kind: 'gap', gapMm: 2 };
}

/**
 * A new saved printer for a device just picked, at 203 dpi: the language given, else the one its USB vendor
 * makes, else the fallback (what the print dialog had selected), else TSPL.
 */
export function newSavedPrinter(opts: {
  id: string;
  name: string;
  device: DeviceIdentityInput;
  language?: PrinterLanguage;
  fallbackLanguage?: PrinterLanguage;
  profile?: Partial<PrinterProfileInput>;
}): SavedPrinter {
  const d = opts.device;
  const vendor = d.kind === 'webusb' ? d.vendorId : d.kind === 'webserial' ? d.usbVendorId : undefined;
  const language = opts.language ?? languageForUsbVendor(vendor) ?? opts.fallbackLanguage ?? 'tspl';
  return SavedPrinter.parse({
    id: opts.id,
    name: opts.name.trim().slice(0, 80) || 'Printer',
    connection: d.kind,
    device: d,
    profile: { dpi: 203, ...opts.profile, language },
    media: defaultMedia(language)
  });
}

/** Whether a USB device the browser knows is this saved printer (ids, and the serial number when both have one). */
export function matchesUsb(id: DeviceIdentity, dev: { vendorId: number; productId: number; serialNumber?: string | null }): boolean {
  if (id.kind !== 'webusb' || id.vendorId !== dev.vendorId || id.productId !== dev.productId) return false;
  return !id.serialNumber || !dev.serialNumber || id.serialNumber === dev.serialNumber;
}

/** Whether a serial port is this saved printer: only ports with USB ids can be told apart. */
export function matchesSerial(id: DeviceIdentity, info: { usbVendorId?: number; usbProductId?: number }): boolean {
  if (id.kind !== 'webserial' || id.usbVendorId === undefined) return false;
  return id.usbVendorId === info.usbVendorId && id.usbProductId === info.usbProductId;
}

/** Same device: used to find a saved printer for a device picked again. */
export function sameDevice(a: DeviceIdentity, b: DeviceIdentity): boolean {
  if (a.kind === 'webusb' && b.kind === 'webusb') return matchesUsb(a, b);
  if (a.kind === 'webserial' && b.kind === 'webserial') return matchesSerial(a, b);
  if (a.kind === 'webbluetooth' && b.kind === 'webbluetooth') return !!a.id && a.id === b.id;
  return false;
}

/** The size difference a label can have from the loaded media and still print right (mm). */
const SIZE_TOLERANCE_MM = 1;

/** Whether a template fits the loaded media; receipt rolls only care about the width. */
export function mediaFits(media: PrinterMedia, size: { width: number; height: number }): boolean {
  const w = Math.abs(media.width - size.width) <= SIZE_TOLERANCE_MM;
  return media.kind === 'continuous' ? size.width <= media.width + SIZE_TOLERANCE_MM : w && Math.abs(media.height - size.height) <= SIZE_TOLERANCE_MM;
}

/**
 * The template as this printer prints it: the loaded media decides how the next label is found (gap or
 * black mark and its size). Receipt-roll templates keep theirs: their pages grow with the item table.
 */
export function forLoadedMedia(template: Template, media: PrinterMedia): Template {
  if (template.media.kind === 'continuous' || media.kind === 'continuous') return template;
  const offset = template.media.offset;
  return { ...template, media: media.kind === 'gap' ? { kind: 'gap', gap: media.gapMm, offset } : { kind: 'mark', mark: media.gapMm, offset } };
}
