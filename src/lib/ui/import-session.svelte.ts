// One import at a time: the dropped files, the preview the engine computed (nothing stored yet), the
// seller's encoding override, then the confirmed import with its progress. Errors stay inside the panel so
// a bad file never disturbs the order list.
import type { ImportInput, ImportOutcome, ImportPreview, Progress } from '../app/station-api';
import type { BrowserEnv } from '../app/browser-env';
import type { Order } from '../domain/schemas';
import type { Workspace } from './workspace.svelte';

export const ENCODING_CHOICES = ['', 'utf-8', 'gbk', 'gb18030', 'utf-16le'] as const;

export class ImportSession {
  open = $state(false);
  busy = $state(false);
  progress = $state.raw<Progress | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  outcome = $state.raw<ImportOutcome | null>(null);
  error = $state('');
  encoding = $state<(typeof ENCODING_CHOICES)[number]>('');
  fileNames = $state.raw<string[]>([]);
  /** The seller's column choices for an unrecognised file (header -> field). */
  mapping = $state<Record<string, string>>({});
  presetName = $state('');
  presetPlatform = $state<Order['platform']>('generic');
  private files: File[] = [];

  constructor(
    private ws: Workspace,
    private env: Pick<BrowserEnv, 'saveFile'>
  ) {}

  show(): void {
    if (!this.busy) this.reset();
    this.open = true;
  }

  close(): void {
    if (!this.busy) this.open = false;
  }

  private reset(): void {
    this.preview = null;
    this.outcome = null;
    this.error = '';
    this.progress = null;
  }

  /** New files replace the old ones and are read and checked at once. */
  async choose(files: File[]): Promise<void> {
    if (this.busy || !files.length) return;
    this.files = files;
    this.fileNames = files.map((f) => f.name);
    this.encoding = '';
    await this.check();
  }

  async setEncoding(value: (typeof ENCODING_CHOICES)[number]): Promise<void> {
    this.encoding = value;
    if (this.files.length) await this.check();
  }

  private async check(): Promise<void> {
    this.reset();
    this.busy = true;
    try {
      // Fresh copies each time: the bytes are handed over to the worker, not shared.
      const read = (): Promise<ImportInput[]> => Promise.all(this.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const encoding = this.encoding || undefined;
      // A quick look at the first rows first (the first orders within a second), then the whole file.
      const quick = await this.ws.api.previewImport(await read(), { encoding, quick: true }, () => undefined);
      this.preview = quick;
      if (!quick.unknown) this.preview = await this.ws.api.previewImport(await read(), { encoding }, (p) => (this.progress = p));
      if (this.preview.unknown) {
        this.mapping = { ...this.preview.unknown.guess };
        this.presetName = this.preview.unknown.file.replace(/\.[^.]+$/, '');
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  /** Saves the column mapping (synced to every station) and reads the files again with it. */
  async saveMapping(): Promise<void> {
    if (this.busy) return;
    this.error = '';
    try {
      await this.ws.api.saveImportPreset({ name: this.presetName, platform: this.presetPlatform, mapping: $state.snapshot(this.mapping) });
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    await this.check();
  }

  async confirm(): Promise<void> {
    const preview = this.preview;
    if (!preview || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      this.outcome = await this.ws.api.commitImport(preview.id, (p) => (this.progress = p));
      this.preview = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
      this.progress = null;
    }
    // The panel may be closed as soon as the import is done; the list catches up behind it.
    if (this.outcome) await this.ws.reloadAll();
  }

  async downloadRejected(): Promise<void> {
    const preview = this.preview;
    if (!preview) return;
    try {
      const file = await this.ws.api.rejectedReport(preview.id);
      this.env.saveFile(file.name, file.mime, file.bytes);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}
