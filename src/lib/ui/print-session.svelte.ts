// Printing the selected shipments' labels: pick a template and a printer, look at a preview of the first
// label, start the batch (composed in app/print-batch.ts: encoded in the print worker and streamed, so the
// first label goes out while the rest render), and follow every label's state. A waybill without a
// tracking number is refused up front, naming the orders; a second print of a label needs a reason.
import type { PrintContext } from '../app/station-api';
import type { Workspace } from './workspace.svelte';
import { connectPrinter, pairedUsbPrinter, printWorker, type ConnectionKind } from '../app/print-client';
import { startLabelBatch } from '../app/print-batch';
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
  /** Labels printed before: a reason is needed to print them again. */
  reprint = $state.raw<{ orderNo: string; printed: number }[]>([]);
  reprintReason = $state('');
  snapshot = $state.raw<QueueSnapshot | null>(null);
  private transport: PrinterTransport | null = null;
  private queue: PrintQueue | null = null;
  private contexts: PrintContext[] = [];

  constructor(private ws: Workspace) {}

  get template() {
    return LABEL_TEMPLATES.find((t) => t.id === this.templateId) ?? LABEL_TEMPLATES[0];
  }

  get profile() {
    return defaultProfile(this.language);
  }

  get running(): boolean {
    return this.snapshot?.state === 'running' || this.snapshot?.state === 'paused';
  }

  async show(): Promise<void> {
    this.open = true;
    if (this.running) return;
    this.error = '';
    this.snapshot = null;
    this.reprint = [];
    await this.load();
    if (!this.transport) {
      // A printer allowed before reconnects without asking.
      this.transport = await pairedUsbPrinter().catch(() => null);
      if (this.transport) this.printerLabel = this.transport.label;
    }
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
      if (total > MAX_BATCH) this.error = `Only the first ${MAX_BATCH.toLocaleString('en')} of ${total.toLocaleString('en')} orders can go in one batch: narrow the filters.`;
      this.checkTemplate();
      await this.refreshPreview();
    });
  }

  checkTemplate(): void {
    this.missing = this.contexts.filter((c) => missingRequired(this.template, c).length > 0).map((c) => c.orders?.[0]?.orderNo ?? c.shipment?.id ?? '?');
  }

  async setTemplate(id: string): Promise<void> {
    this.templateId = id;
    this.checkTemplate();
    await this.refreshPreview();
  }

  async setLanguage(lang: PrinterLanguage): Promise<void> {
    this.language = lang;
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
      await this.transport?.close();
      this.transport = await connectPrinter(kind);
      this.printerLabel = this.transport.label;
      // Back after an unplug: the paused queue continues at the first label not confirmed.
      if (this.queue && this.snapshot?.state === 'paused') {
        this.queue.attach(this.transport);
        this.queue.resume();
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.connecting = false;
    }
  }

  async start(): Promise<void> {
    if (!this.transport) {
      this.error = 'Connect a printer first.';
      return;
    }
    if (this.missing.length) return;
    const cfg = this.ws.config!;
    const started = await startLabelBatch({
      api: this.ws.api,
      transport: this.transport,
      printer: this.printerLabel,
      station: cfg.id,
      user: cfg.user || cfg.name,
      template: this.template,
      profile: this.profile,
      contexts: this.contexts,
      reprintReason: this.reprintReason.trim() || undefined,
      onSnapshot: (s) => (this.snapshot = s),
      onError: (message) => (this.error = message)
    });
    if (!started.ok) {
      this.reprint = started.reprint;
      return;
    }
    this.queue = started.queue;
    this.reprint = [];
    this.error = '';
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
