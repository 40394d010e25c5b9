// Printing the selected shipments' labels: pick a template and a printer, look at a preview of the first
// label, start the batch (composed in app/print-batch.ts: encoded in the print worker and streamed, so the
// first label goes out while the rest render), and follow every label's state. A waybill without a
// tracking number is refused up front, naming the orders; a second print of a label needs a reason.
import type { PrintContext } from '../app/station-api';
import type { Workspace } from './workspace.svelte';
import { availableConnections, printWorker, type ConnectionKind } from '../app/print-client';
import { PrinterSettings } from './printer-settings.svelte';
import { forLoadedMedia, mediaFits, type SavedPrinter } from '../print/saved-printer';
import { startDocumentBatch, type ReprintItem } from '../app/print-batch';
import { PrintDocuments } from './print-documents.svelte';
import { BUILTIN_TEMPLATES } from '../print/builtin-templates';
import { missingRequired } from '../print/fields';
import { defaultProfile, type PrinterLanguage } from '../print/profiles';
import type { PrintQueue, QueueSnapshot } from '../print/queue/index';
import type { PrinterTransport } from '../print/transports/transport';

/** Label templates (waybills); pick lists and slips come with their own flows. */
export const LABEL_TEMPLATES = BUILTIN_TEMPLATES.filter((t) => t.kind === 'waybill');
export const MAX_BATCH = 5000;

export class PrintSession {
  open = $state(false);
  templateId = $state(LABEL_TEMPLATES.find((t) => t.id === 'builtin:waybill-100x150')?.id ?? LABEL_TEMPLATES[0].id);
  /** Built-in waybills, then the waybill templates saved in the designer (synced; read when the dialog opens). */
  templates = $state.raw([...LABEL_TEMPLATES]);
  language = $state<PrinterLanguage>('tspl');
  printerLabel = $state('');
  connecting = $state(false);
  error = $state('');
  previewUrl = $state('');
  count = $state(0);
  /** Held or cancelled orders left out of the batch. */
  skipped = $state.raw<string[]>([]);
  /** Orders a waybill cannot be printed for (no tracking number). */
  missing = $state.raw<string[]>([]);
  /** Documents printed before: a reason is needed to print them again. */
  reprint = $state.raw<ReprintItem[]>([]);
  reprintReason = $state('');
  snapshot = $state.raw<QueueSnapshot | null>(null);
  /** The saved printer this dialog prints to: the station's default when it opens, or the one chosen. */
  printerId = $state<string | null>(null);
  /** The station's saved printers and their connections (shared with the printer settings dialog). */
  readonly printers: PrinterSettings;
  private queue: PrintQueue | null = null;
  private contexts: PrintContext[] = [];
  /** The documents of the batch (label, packing slip, pick list) and where each goes. */
  readonly documents = new PrintDocuments(Object.values(availableConnections()).some(Boolean));

  constructor(private ws: Workspace) {
    this.printers = new PrinterSettings(ws.api, () => (ws.config ? { id: ws.config.id, name: ws.config.name } : null));
    this.printers.onlink = (id) => id === this.printerId && this.syncPrinterLabel();
  }

  private get transport(): PrinterTransport | null {
    return this.printers.transport(this.printerId);
  }

  get saved(): SavedPrinter | undefined {
    return this.printers.list.find((p) => p.id === this.printerId);
  }

  /** The template sizes when they differ from the media loaded in the chosen printer (labels would print off). */
  get mediaMismatch(): { tw: number; th: number; mw: number; mh: number } | null {
    const p = this.saved;
    const size = this.template.size;
    if (!p || p.connection === 'system' || mediaFits(p.media, size)) return null;
    return { tw: size.width, th: size.height, mw: p.media.width, mh: p.media.height };
  }

  /** The label template as the chosen printer prints it (gap or black mark of its loaded media). */
  get printTemplate() {
    return this.saved ? forLoadedMedia(this.template, this.saved.media) : this.template;
  }

  private syncPrinterLabel(): void {
    this.printerLabel = this.transport?.label ?? this.saved?.name ?? '';
  }

  get template() {
    return this.templates.find((t) => t.id === this.templateId) ?? LABEL_TEMPLATES[0];
  }

  /** The chosen saved printer's profile (copies, darkness, offset…); without one, defaults for the language. */
  get profile() {
    return this.saved?.profile ?? defaultProfile(this.language);
  }

  /** Documents the Print button prints: one per shipment for labels and slips, one pick list per batch. */
  get documentCount(): number {
    return this.documents.rows.filter((r) => r.on).reduce((n, r) => n + (r.kind === 'pick-list' ? 1 : this.count), 0);
  }

  /** The list holds more orders than one batch takes (MAX_BATCH): how many, else 0. */
  overLimit = $state(0);

  /** Between the click on Print and the batch running: a second click (a double-click) must not start another. */
  starting = $state(false);

  get running(): boolean {
    return this.starting || this.snapshot?.state === 'running' || this.snapshot?.state === 'paused' || this.documents.busy;
  }

  async show(): Promise<void> {
    this.open = true;
    if (this.running) return;
    this.error = '';
    this.snapshot = null;
    this.reprint = [];
    // Nothing of the last opening stays on screen while this list's orders load (count, preview, notices).
    this.contexts = [];
    this.count = 0;
    this.overLimit = 0;
    this.skipped = [];
    this.missing = [];
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = '';
    await this.ws.run(() => this.documents.opened(this.ws.api));
    await this.ws.run(async () => {
      this.templates = [...LABEL_TEMPLATES, ...(await this.ws.api.templates()).filter((t) => t.kind === 'waybill')];
    });
    await this.ws.run(() => this.printers.load());
    if (!this.saved) this.printerId = this.printers.defaultId;
    await this.load();
    // A saved printer allowed before reconnects without asking; one that is not there is "plug it in".
    if (this.printerId) await this.printers.reconnect(this.printerId);
    this.syncPrinterLabel();
  }

  /** At page load: the default saved printer reconnects without a click (no dialog, no error if it is unplugged). */
  async reconnectOnLoad(): Promise<void> {
    await this.printers.load();
    if (!this.printerId) this.printerId = this.printers.defaultId;
    if (this.printerId) await this.printers.reconnect(this.printerId);
    this.syncPrinterLabel();
  }

  /** The default (or chosen) printer and how it is connected, for the header. */
  get headerPrinter(): { name: string; link: string; connection: string } | null {
    const p = this.printers.list.find((x) => x.id === this.printerId);
    return p ? { name: p.name, link: this.printers.links[p.id] ?? 'absent', connection: p.connection } : null;
  }

  /** Prints to another saved printer (its profile, its connection). */
  async choosePrinter(id: string): Promise<void> {
    this.printerId = id;
    this.syncPrinterLabel();
    await this.refreshPreview();
    await this.printers.reconnect(id);
  }

  openPrinterSettings(): void {
    this.printers.selectedId = this.printerId;
    void this.printers.show();
  }

  /** Back from the settings: the chosen printer may have been changed or deleted. */
  async closePrinterSettings(): Promise<void> {
    this.printers.close();
    if (!this.saved) this.printerId = this.printers.defaultId;
    this.syncPrinterLabel();
    await this.refreshPreview();
  }

  close(): void {
    if (!this.running) this.open = false;
  }

  /** Builds the print contexts of the orders the list shows and checks what the template needs. */
  async load(): Promise<void> {
    await this.ws.run(async () => {
      const { contexts, total, skipped } = await this.ws.api.printContexts(this.ws.query, MAX_BATCH);
      this.contexts = contexts;
      this.skipped = skipped;
      this.count = contexts.length;
      this.overLimit = total > MAX_BATCH ? total : 0;
      this.checkTemplate();
      await this.refreshPreview();
    });
  }

  checkTemplate(): void {
    if (!this.documents.label.on) {
      this.missing = [];
      return;
    }
    this.missing = this.contexts.filter((c) => missingRequired(this.template, c).length > 0).map((c) => c.orders?.[0]?.orderNo ?? c.shipment?.id ?? '?');
  }

  async setTemplate(id: string): Promise<void> {
    this.templateId = id;
    this.checkTemplate();
    await this.refreshPreview();
  }

  async setLanguage(lang: PrinterLanguage): Promise<void> {
    this.language = lang;
    // The language belongs to the printer: correcting it here corrects the saved printer.
    const id = this.printerId;
    if (id) await this.ws.run(() => this.printers.setLanguage(id, lang));
    await this.refreshPreview();
  }

  async refreshPreview(): Promise<void> {
    const context = this.contexts.find((c) => missingRequired(this.template, c).length === 0);
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = '';
    if (!context) return;
    const res = await printWorker().preview({ template: this.template, profile: this.profile, context, as: 'png', scale: 1 });
    if (res.png) this.previewUrl = URL.createObjectURL(res.png);
  }

  async connect(kind: ConnectionKind): Promise<void> {
    this.connecting = true;
    this.error = '';
    try {
      // The device is saved on this station (or recognised as saved) and reconnects by itself from now on.
      const printer = await this.printers.add(kind, { fallbackLanguage: this.language });
      this.printerId = printer.id;
      this.syncPrinterLabel();
      await this.refreshPreview();
      // Back after an unplug: the paused queue continues at the first label not confirmed.
      const transport = this.transport;
      if (transport && this.queue && this.snapshot?.state === 'paused') {
        this.queue.attach(transport);
        this.queue.resume();
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.connecting = false;
    }
  }

  async start(): Promise<void> {
    // A saved printer that is itself system print takes the documents meant for "the printer".
    const documents = this.documents.chosen(this.printTemplate, this.saved?.connection === 'system');
    this.documents.notice = !documents.length ? 'documents.none' : documents.some((d) => d.output === 'printer') && !this.transport ? 'documents.connectOrSystem' : '';
    if (this.documents.notice || this.missing.length || this.starting) return;
    const cfg = this.ws.config!;
    this.error = '';
    this.starting = true;
    const started = await startDocumentBatch({
      api: this.ws.api,
      transport: this.transport,
      printer: this.printerLabel,
      station: cfg.id,
      user: cfg.user || cfg.name,
      profile: this.profile,
      contexts: this.contexts,
      documents,
      reprintReason: this.reprintReason.trim() || undefined,
      onSnapshot: (s) => (this.snapshot = s),
      onSystem: (p) => (this.documents.system = p),
      confirmSystemPrint: this.documents.askPrinted,
      onError: (message) => (this.error = message)
    })
      .catch((e: unknown) => {
        this.error = e instanceof Error ? e.message : String(e);
        return null;
      })
      .finally(() => (this.starting = false));
    if (!started) return;
    if (!started.ok) {
      this.reprint = started.reprint;
      return;
    }
    this.queue = started.queue;
    this.reprint = [];
  }


  pause(): void {
    this.queue?.pause({ when: 'now' });
  }

  resume(): void {
    if (this.transport) this.queue?.attach(this.transport);
    this.queue?.resume();
  }

  cancel(): void {
    this.queue?.cancel();
  }
}
