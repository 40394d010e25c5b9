// One import at a time: the dropped files, the preview the engine computed (nothing stored yet), the
// seller's encoding override, then the confirmed import with its progress. Errors stay inside the panel so
// a bad file never disturbs the order list; import errors keep their message key so the panel shows them in
// the station's language. A file over the size limit is refused from File.size, before a byte is read.
import type { ImportInput, ImportOutcome, ImportPreview, Progress } from '../app/station-api';
import type { BrowserEnv } from '../app/browser-env';
import type { Order } from '../domain/schemas';
import { DEFAULT_MAX_BYTES, tooLargeText } from '../import/read-table';
import { formatImport, type ImportText } from '../import/messages';
import { missingForMappingTexts } from '../import/presets/fields';
import type { ColumnMapping } from '../import/presets/types';
import type { Workspace } from './workspace.svelte';

export const ENCODING_CHOICES = ['', 'utf-8', 'gbk', 'gb18030', 'utf-16le'] as const;

/** An error for the panel: import messages in any language, anything else as the engine said it. */
export type PanelError = { texts: ImportText[] } | { message: string };

export const panelError = (e: unknown): PanelError => ({ message: e instanceof Error ? e.message : String(e) });

export function errorText(e: PanelError | null, lang: 'zh' | 'en'): string {
  if (!e) return '';
  return 'texts' in e ? e.texts.map((t) => formatImport(t, lang)).join('\n') : e.message;
}

/** The first file too large to read, as a message (checked on File.size: nothing is read or sent). */
export function oversize(files: readonly Pick<File, 'name' | 'size'>[], max = DEFAULT_MAX_BYTES): ImportText | undefined {
  const big = files.find((f) => f.size > max);
  return big && tooLargeText(big.name, big.size, max);
}

export class ImportSession {
  open = $state(false);
  busy = $state(false);
  progress = $state.raw<Progress | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  outcome = $state.raw<ImportOutcome | null>(null);
  error = $state.raw<PanelError | null>(null);
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
    this.error = null;
    this.progress = null;
  }

  /** New files replace the old ones and are read and checked at once. */
  async choose(files: File[]): Promise<void> {
    if (this.busy || !files.length) return;
    this.fileNames = files.map((f) => f.name);
    this.encoding = '';
    const big = oversize(files);
    if (big) {
      this.files = [];
      this.reset();
      this.error = { texts: [big] };
      return;
    }
    this.files = files;
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
      if (quick.failed) {
        this.error = { texts: [quick.failed.text] };
        return;
      }
      this.preview = quick;
      if (!quick.unknown) this.preview = await this.ws.api.previewImport(await read(), { encoding }, (p) => (this.progress = p));
      if (this.preview.failed) {
        this.error = { texts: [this.preview.failed.text] };
        this.preview = null;
        return;
      }
      if (this.preview.unknown) {
        this.mapping = { ...this.preview.unknown.guess };
        this.presetName = this.preview.unknown.file.replace(/\.[^.]+$/, '');
      }
    } catch (e) {
      this.error = panelError(e);
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  /** Saves the column mapping (synced to every station) and reads the files again with it. */
  async saveMapping(): Promise<void> {
    if (this.busy) return;
    this.error = null;
    const missing = missingForMappingTexts($state.snapshot(this.mapping) as ColumnMapping);
    if (missing.length) {
      this.error = { texts: missing };
      return;
    }
    try {
      await this.ws.api.saveImportPreset({ name: this.presetName, platform: this.presetPlatform, mapping: $state.snapshot(this.mapping) });
    } catch (e) {
      this.error = panelError(e);
      return;
    }
    await this.check();
  }

  async confirm(): Promise<void> {
    const preview = this.preview;
    if (!preview || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      this.outcome = await this.ws.api.commitImport(preview.id, (p) => (this.progress = p));
      this.preview = null;
    } catch (e) {
      this.error = panelError(e);
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
      this.error = panelError(e);
    }
  }
}
