// The station's printers as runes state: the saved list (station-local, through StationApi), which of them
// are connected now, the settings dialog's draft of one printer, and the test page. Connections live here,
// keyed by saved printer, so the print dialog and the settings dialog share one open device. Saved USB and
// serial printers are found again without asking when a dialog opens; one that is not there is "not
// connected, plug it in", never an error. The browser is reached only through PrinterPorts (print-client).
import type { MessageKey } from './messages';
import type { StationApi } from '../app/station-api';
import { pickPrinter, printWorker, reconnectSaved, type ConnectionKind, type PickedPrinter } from '../app/print-client';
import type { EncodedLabel, LabelRequest } from '../print/canvas/print-api';
import { DARKNESS_SCALE, defaultMedia, DeviceIdentity, newSavedPrinter, sameDevice, SavedPrinter, SPEED_SCALE, type SavedPrinters } from '../print/saved-printer';
import type { PrinterLanguage } from '../print/profiles';
import { testPageContext, testPageTemplate } from '../print/test-page';
import type { PrinterTransport } from '../print/transports/transport';

/** What this state needs of the browser and the print worker; tests pass fakes. */
export interface PrinterPorts {
  pick(kind: ConnectionKind): Promise<PickedPrinter>;
  reconnect(printer: SavedPrinter): Promise<PrinterTransport | null>;
  encode(req: LabelRequest): Promise<EncodedLabel[]>;
  now(): number;
}

export const browserPrinterPorts: PrinterPorts = {
  pick: (kind) => pickPrinter(kind),
  reconnect: reconnectSaved,
  encode: (req) => printWorker().encode(req),
  now: () => Date.now()
};

/** connected: open now; absent: saved but not found (plug it in); system: printed through the OS dialog. */
export type LinkState = 'connected' | 'absent' | 'connecting' | 'system';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The words for a printer's link: an absent Bluetooth printer is switched off or out of range, not unplugged. */
export const linkKey = (connection: string, link: string): MessageKey =>
  (link === 'absent' && connection === 'webbluetooth' ? 'printer.state.absentBle' : `printer.state.${link}`) as MessageKey;

export class PrinterSettings {
  /** The settings dialog. */
  open = $state(false);
  /** The "Can't connect?" help. */
  helpOpen = $state(false);
  list = $state.raw<SavedPrinter[]>([]);
  defaultId = $state<string | null>(null);
  selectedId = $state<string | null>(null);
  /** The selected printer being edited; saved with save(). */
  draft = $state<SavedPrinter | null>(null);
  links = $state<Record<string, LinkState>>({});
  busy = $state(false);
  error = $state('');
  /** What just happened, for a short confirmation line (key of the printer messages). */
  notice = $state<'' | 'saved' | 'testSent'>('');
  private transports = new Map<string, PrinterTransport>();
  private loaded = false;
  /** Called when a printer's connection changes (the print dialog updates its printer line). */
  onlink?: (id: string) => void;

  constructor(
    private api: StationApi,
    private station: () => { id: string; name: string } | null,
    private ports: PrinterPorts = browserPrinterPorts
  ) {}

  get selected(): SavedPrinter | undefined {
    return this.list.find((p) => p.id === this.selectedId);
  }

  get dirty(): boolean {
    const s = this.selected;
    return !!s && !!this.draft && JSON.stringify($state.snapshot(this.draft)) !== JSON.stringify(s);
  }

  transport(id: string | null | undefined): PrinterTransport | null {
    return (id && this.transports.get(id)) || null;
  }

  link(id: string | null | undefined): LinkState | undefined {
    return id ? this.links[id] : undefined;
  }

  private apply(state: SavedPrinters): void {
    this.list = state.printers;
    this.defaultId = state.defaultId;
    for (const p of state.printers) if (!this.links[p.id]) this.links[p.id] = p.connection === 'system' ? 'system' : 'absent';
  }

  async load(): Promise<void> {
    this.apply(await this.api.printers());
    this.loaded = true;
  }

  async show(): Promise<void> {
    this.open = true;
    this.error = '';
    this.notice = '';
    await this.run(async () => {
      await this.load();
      this.select(this.selectedId ?? this.defaultId);
      await this.reconnectAll();
    });
  }

  close(): void {
    this.open = false;
    this.helpOpen = false;
  }

  select(id: string | null): void {
    this.selectedId = id && this.list.some((p) => p.id === id) ? id : (this.list[0]?.id ?? null);
    const s = this.selected;
    this.draft = s ? structuredClone(s) : null;
    this.notice = '';
  }

  private setLink(id: string, state: LinkState): void {
    this.links[id] = state;
    this.onlink?.(id);
  }

  private async attach(id: string, transport: PrinterTransport): Promise<void> {
    const old = this.transports.get(id);
    if (old && old !== transport) {
      this.transports.delete(id);
      // Both may drive the same device (connecting again after paper-out): close the old one first, then
      // open the new one again so it holds the device; closing the old one last would take it away.
      await old.close().catch(() => undefined);
      await transport.open();
    }
    this.transports.set(id, transport);
    this.setLink(id, 'connected');
    transport.onDisconnect(() => {
      if (this.transports.get(id) !== transport) return;
      this.transports.delete(id);
      this.setLink(id, 'absent');
    });
  }

  /** Finds one saved printer among the devices allowed before and opens it, without asking. */
  async reconnect(id: string): Promise<PrinterTransport | null> {
    const p = this.list.find((x) => x.id === id);
    if (!p || p.connection === 'system') return null;
    const live = this.transports.get(id);
    if (live) return live;
    // Page load and the print dialog may ask at the same moment: one attempt per printer.
    let attempt = this.reconnecting.get(id);
    if (!attempt) {
      attempt = this.tryReconnect(p).finally(() => this.reconnecting.delete(id));
      this.reconnecting.set(id, attempt);
    }
    return attempt;
  }

  private reconnecting = new Map<string, Promise<PrinterTransport | null>>();

  private async tryReconnect(p: SavedPrinter): Promise<PrinterTransport | null> {
    this.setLink(p.id, 'connecting');
    try {
      const t = await this.ports.reconnect(p);
      if (t) await this.attach(p.id, t);
      else this.setLink(p.id, 'absent');
      return t;
    } catch (e) {
      this.setLink(p.id, 'absent');
      this.error = `${p.name}: ${message(e)}`;
      return null;
    }
  }

  async reconnectAll(): Promise<void> {
    if (!this.loaded) await this.load();
    for (const p of this.list) await this.reconnect(p.id);
  }

  /**
   * Asks the browser for a printer (needs a click). A device saved before is recognised and reconnected;
   * a new one is saved with what is known of it (language guessed by USB vendor, 203 dpi).
   */
  async add(kind: ConnectionKind, opts: { fallbackLanguage?: PrinterLanguage } = {}): Promise<SavedPrinter> {
    if (!this.loaded) await this.load();
    const picked = await this.ports.pick(kind);
    const identity = DeviceIdentity.parse(picked.identity);
    let printer = this.list.find((p) => sameDevice(p.device, identity));
    if (!printer) {
      const id = `printer-${this.ports.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      printer = newSavedPrinter({ id, name: picked.name, device: identity, fallbackLanguage: opts.fallbackLanguage });
      this.apply(await this.api.savePrinter(printer));
    }
    await this.attach(printer.id, picked.transport);
    return printer;
  }

  /** The dialog's "add" buttons: add, select it and show it for editing. */
  async addFromDialog(kind: ConnectionKind): Promise<void> {
    await this.run(async () => {
      const p = await this.add(kind);
      this.select(p.id);
    });
  }

  /** A printer without a device of its own: labels go through the system print dialog. */
  async addSystem(name: string): Promise<void> {
    await this.run(async () => {
      const id = `printer-${this.ports.now().toString(36)}-sys`;
      this.apply(await this.api.savePrinter(newSavedPrinter({ id, name, device: { kind: 'system' } })));
      this.select(id);
    });
  }

  async save(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    await this.run(async () => {
      const input = $state.snapshot(draft) as SavedPrinter;
      const ok = SavedPrinter.safeParse(input);
      if (!ok.success) throw new Error(ok.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const before = this.list.find((p) => p.id === ok.data.id);
      this.apply(await this.api.savePrinter(ok.data));
      this.select(ok.data.id);
      // A serial port runs at the rate it was opened with: a new baud rate or flow control takes a reopen.
      const live = this.transports.get(ok.data.id);
      if (live && before && JSON.stringify(before.device) !== JSON.stringify(ok.data.device)) {
        this.transports.delete(ok.data.id);
        await live.close().catch(() => undefined);
        await this.reconnect(ok.data.id);
      }
      this.notice = 'saved';
    });
  }

  /** Changes a saved printer's language (from the print dialog); darkness and speed scales differ, so they reset. */
  async setLanguage(id: string, language: PrinterLanguage): Promise<void> {
    const p = this.list.find((x) => x.id === id);
    if (!p || p.profile.language === language) return;
    const media = language === 'escpos' || p.profile.language === 'escpos' ? defaultMedia(language) : p.media;
    this.apply(await this.api.savePrinter({ ...p, profile: { ...p.profile, language, darkness: undefined, speed: undefined }, media }));
    if (this.selectedId === id) this.select(id);
  }

  async remove(id: string): Promise<void> {
    await this.run(async () => {
      const t = this.transports.get(id);
      this.transports.delete(id);
      await t?.close().catch(() => undefined);
      this.apply(await this.api.deletePrinter(id));
      delete this.links[id];
      this.select(this.defaultId);
    });
  }

  async setDefault(id: string): Promise<void> {
    await this.run(async () => this.apply(await this.api.setDefaultPrinter(id)));
  }

  /** Draft language change: the darkness and speed scales differ, so they go back to the printer's own. */
  draftLanguage(language: PrinterLanguage): void {
    if (!this.draft) return;
    this.draft.profile.language = language;
    this.draft.profile.darkness = undefined;
    this.draft.profile.speed = undefined;
  }

  /** The draft's darkness/speed ranges, or null where the language has no portable command. */
  get scales() {
    const lang = this.draft?.profile.language ?? 'tspl';
    return { darkness: DARKNESS_SCALE[lang], speed: SPEED_SCALE[lang] };
  }

  /** Moves the draft's offset calibration by `step` mm (the +/- buttons). */
  nudge(axis: 'x' | 'y', step: number): void {
    if (!this.draft) return;
    this.draft.profile.offset[axis] = Math.round((this.draft.profile.offset[axis] + step) * 100) / 100;
  }

  /** Saves the draft when changed, then prints the calibration page on the selected printer. */
  async printTestPage(): Promise<void> {
    await this.run(async () => {
      if (this.dirty) {
        const ok = SavedPrinter.parse($state.snapshot(this.draft));
        this.apply(await this.api.savePrinter(ok));
      }
      const p = this.selected;
      if (!p) return;
      if (p.connection === 'system') throw new Error('system-print');
      const transport = this.transports.get(p.id) ?? (await this.reconnect(p.id));
      if (!transport) throw new Error('not-connected');
      const station = this.station() ?? { id: 'station', name: '' };
      const template = testPageTemplate({ profile: p.profile, media: p.media, name: p.name });
      const labels = await this.ports.encode({ template, profile: p.profile, context: testPageContext({ now: this.ports.now(), station }) });
      for (const l of labels) await transport.write(l.bytes);
      this.notice = 'testSent';
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (e) {
      this.error = message(e);
    } finally {
      this.busy = false;
    }
  }
}
