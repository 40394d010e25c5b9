// The template designer's state: the template being edited (an undo history of immutable snapshots, plus
// the live copy while a drag is in progress), the selection, the saved templates of the station (synced),
// and the preview the print worker draws from the same layout that prints. Every edit goes through the
// pure operations in print/designer, so what this class adds is only bookkeeping: which template is open,
// whether it is saved, what the preview shows and which message to put in front of the seller.
import { addLogo, type Rgba } from '../../print/designer/logo';
import { readPicture } from '../../app/picture';
import type { Workspace } from '../workspace.svelte';
import type { MessageKey } from '../messages';
import type { PrintContext } from '../../app/station-api';
import type { PreviewRequest, PreviewResult } from '../../print/canvas/print-api';
import { printWorker } from '../../app/print-client';
import { BUILTIN_TEMPLATES } from '../../print/builtin-templates';
import { missingRequired } from '../../print/fields';
import { defaultProfile, type PrinterLanguage } from '../../print/profiles';
import { TemplateError, type Template } from '../../print/template';
import { boundsOf, type Rect } from '../../print/designer/geometry';
import type { Guide } from '../../print/designer/guides';
import { canRedo, canUndo, commit, createHistory, redo, undo, type History } from '../../print/designer/history';
import { copyTemplate, isBuiltin } from '../../print/designer/library';
import { sampleContext } from '../../print/designer/sample-context';
import { exportTemplateJson, importTemplateJson } from '../../print/designer/template-io';
import * as ops from '../../print/designer/edit-ops';

export const START_TEMPLATE = 'builtin:waybill-100x150';
/** Orders read for the preview: the first one the template can print is shown. */
const PREVIEW_ORDERS = 20;

export interface DesignerDeps {
  newId?: () => string;
  now?: () => number;
  /** Draws a label preview; default: the print worker. */
  preview?: (req: PreviewRequest) => Promise<PreviewResult>;
  /** The copy suffix in the UI language ("副本" / "copy"). */
  copySuffix?: () => string;
  /** Decodes a picture file to RGBA; default: the browser's decoder (app/picture.ts). */
  readPicture?: (file: Blob & { name?: string }) => Promise<Rgba>;
}

type Notice = { key: MessageKey; vars?: Record<string, string> };

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class Designer {
  open = $state(false);
  history = $state.raw<History<Template>>(createHistory(BUILTIN_TEMPLATES[0]));
  /** The template while an element is being dragged; committed to the history on release. */
  live = $state.raw<Template | null>(null);
  /** The snapshot last saved or opened: the template is dirty when the present differs from it. */
  clean = $state.raw<Template | null>(null);
  saved = $state.raw<Template[]>([]);
  selectedId = $state<string | null>(null);
  guides = $state.raw<Guide[]>([]);
  /** Pixels per mm chosen by the seller; null = fit the window. */
  zoom = $state<number | null>(null);
  language = $state<PrinterLanguage>('tspl');
  previewUrl = $state('');
  previewError = $state('');
  /** The order the preview shows, or null for the sample shipment. */
  previewOrderNo = $state<string | null>(null);
  error = $state('');
  notice = $state.raw<Notice | null>(null);
  importError = $state.raw<{ file: string; message: string; issues: string[] } | null>(null);
  /** An action waiting for the seller to confirm that unsaved changes may be dropped. */
  pending = $state.raw<(() => void) | null>(null);
  busy = $state(false);
  /** Caret in the selected element's value field, where a palette field is inserted. */
  valueCaret: number | null = null;

  template = $derived(this.live ?? this.history.present);
  selected = $derived(this.selectedId ? this.template.elements.find((e) => e.id === this.selectedId) : undefined);
  isSaved = $derived(this.saved.some((t) => t.id === this.template.id));
  dirty = $derived(this.history.present !== this.clean);
  canUndo = $derived(canUndo(this.history));
  canRedo = $derived(canRedo(this.history));

  private contexts: PrintContext[] = [];
  private drag: { id: string; start: Rect; mode: 'move' | ops.Handle } | null = null;
  private rendering = false;
  private renderAgain = false;
  private started = false;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly draw: (req: PreviewRequest) => Promise<PreviewResult>;
  private readonly suffix: () => string;
  private readonly readPicture: (file: Blob & { name?: string }) => Promise<Rgba>;

  constructor(
    private ws: Workspace,
    deps: DesignerDeps = {}
  ) {
    this.newId = deps.newId ?? (() => `tpl-${crypto.randomUUID().slice(0, 8)}`);
    this.now = deps.now ?? (() => Date.now());
    this.draw = deps.preview ?? ((req) => printWorker().preview(req));
    this.suffix = deps.copySuffix ?? (() => 'copy');
    this.readPicture = deps.readPicture ?? readPicture;
  }

  /** Opens the designer: the saved templates and an order to preview with are read each time. */
  async show(): Promise<void> {
    this.open = true;
    this.notice = null;
    this.error = '';
    if (!this.started) {
      this.started = true;
      this.startFrom(START_TEMPLATE);
    }
    // Opened while the station is still opening (right after a reload): the saved templates come once it is.
    await this.ws.ready;
    await this.reloadSaved();
    try {
      this.contexts = (await this.ws.api.printContexts(this.ws.query, PREVIEW_ORDERS)).contexts;
    } catch {
      // No station data to preview with (not set up yet): the sample shipment stands in.
      this.contexts = [];
    }
    this.schedulePreview();
  }

  close(): void {
    this.guard(() => {
      this.open = false;
      this.selectedId = null;
    });
  }

  /** Runs `action` now, or after the seller confirms that unsaved changes may be dropped. */
  guard(action: () => void): void {
    if (this.dirty) this.pending = action;
    else action();
  }

  confirmPending(): void {
    const action = this.pending;
    this.pending = null;
    this.clean = this.history.present;
    action?.();
  }

  cancelPending(): void {
    this.pending = null;
  }

  async reloadSaved(): Promise<void> {
    await this.ws.run(async () => {
      this.saved = await this.ws.api.templates();
    });
  }

  /** Picks a template: a built-in opens as a copy to edit (built-ins are read-only), a saved one as itself. */
  choose(id: string): void {
    this.guard(() => this.startFrom(id));
  }

  private startFrom(id: string): void {
    const saved = this.saved.find((t) => t.id === id);
    if (saved) return this.openTemplate(saved, true);
    const builtin = BUILTIN_TEMPLATES.find((t) => t.id === id);
    if (builtin) this.openTemplate(copyTemplate(builtin, { id: this.newId(), suffix: this.suffix() }), true);
  }

  private openTemplate(t: Template, clean: boolean): void {
    this.history = createHistory(t);
    this.clean = clean ? t : null;
    this.live = null;
    this.selectedId = null;
    this.guides = [];
    this.error = '';
    this.importError = null;
    this.schedulePreview();
  }

  /** Applies one edit as one undo step; a refused edit leaves the template as it was and says why. */
  apply(edit: (t: Template) => Template): boolean {
    try {
      this.history = commit(this.history, edit(this.history.present));
      this.error = '';
      this.notice = null;
      this.schedulePreview();
      return true;
    } catch (e) {
      if (!(e instanceof TemplateError) && !(e instanceof Error)) throw e;
      this.error = message(e);
      return false;
    }
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.valueCaret = null;
  }

  // ---- pointer drags (move and resize), in mm from where the drag started

  beginDrag(id: string, mode: 'move' | ops.Handle): void {
    const e = this.history.present.elements.find((x) => x.id === id);
    if (!e) return;
    this.select(id);
    this.drag = { id, start: boundsOf(e), mode };
  }

  dragBy(dxMm: number, dyMm: number, opts: { free: boolean; threshold: number }): void {
    const d = this.drag;
    if (!d) return;
    const snap = { free: opts.free, threshold: opts.threshold };
    const r = d.mode === 'move' ? ops.dragElement(this.history.present, d.id, d.start, dxMm, dyMm, snap) : ops.resizeElement(this.history.present, d.id, d.start, d.mode, dxMm, dyMm, snap);
    this.live = r.template;
    this.guides = r.guides;
    this.schedulePreview();
  }

  endDrag(): void {
    if (this.live) {
      this.history = commit(this.history, this.live);
      this.notice = null;
    }
    this.live = null;
    this.drag = null;
    this.guides = [];
    this.schedulePreview();
  }

  // ---- edits

  nudge(dx: number, dy: number): void {
    const id = this.selectedId;
    if (id) this.apply((t) => ops.nudgeElement(t, id, dx, dy));
  }

  /** A logo or picture from a file, as a 1-bit image at most 30 mm wide; a file that is no picture is named. */
  async addPicture(file: Blob & { name?: string }): Promise<void> {
    this.error = '';
    let picture: Rgba;
    try {
      picture = await this.readPicture(file);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    let id = '';
    if (
      this.apply((t) => {
        const r = addLogo(t, picture);
        id = r.id;
        return r.template;
      })
    )
      this.select(id);
  }

  add(kind: ops.NewElementKind, opts: { field?: string; text?: string } = {}): void {
    let id = '';
    if (
      this.apply((t) => {
        const r = ops.addElement(t, kind, opts);
        id = r.id;
        return r.template;
      })
    )
      this.select(id);
  }

  duplicate(): void {
    const src = this.selectedId;
    if (!src) return;
    let id = '';
    if (
      this.apply((t) => {
        const r = ops.duplicateElement(t, src);
        id = r.id;
        return r.template;
      })
    )
      this.select(id);
  }

  remove(): void {
    const id = this.selectedId;
    if (id && this.apply((t) => ops.deleteElement(t, id))) this.select(null);
  }

  update(patch: Record<string, unknown>): boolean {
    const id = this.selectedId;
    return !!id && this.apply((t) => ops.updateElement(t, id, patch));
  }

  updateTemplate(patch: Parameters<typeof ops.updateTemplate>[1]): boolean {
    return this.apply((t) => ops.updateTemplate(t, patch));
  }

  /** A field from the palette: into the selected element's value at the caret, or as a new text. */
  insertField(field: string): void {
    const e = this.selected;
    if (e && (e.type === 'text' || e.type === 'barcode' || e.type === 'qr')) {
      const caret = this.valueCaret ?? e.value.length;
      if (this.update({ value: ops.insertField(e.value, field, caret) })) this.valueCaret = caret + field.length + 2;
    } else this.add('text', { field });
  }

  undo(): void {
    this.history = undo(this.history);
    if (this.selectedId && !this.history.present.elements.some((e) => e.id === this.selectedId)) this.selectedId = null;
    this.schedulePreview();
  }

  redo(): void {
    this.history = redo(this.history);
    if (this.selectedId && !this.history.present.elements.some((e) => e.id === this.selectedId)) this.selectedId = null;
    this.schedulePreview();
  }

  // ---- saving, files

  async save(): Promise<void> {
    const t = this.history.present;
    this.busy = true;
    const ok = await this.ws.run(async () => {
      await this.ws.api.saveTemplate(t);
      this.saved = await this.ws.api.templates();
    });
    this.busy = false;
    if (ok) {
      this.clean = t;
      this.notice = { key: 'designer.savedNotice' };
    }
  }

  async deleteSaved(): Promise<void> {
    const id = this.template.id;
    if (isBuiltin(id) || !this.isSaved) return;
    this.busy = true;
    const ok = await this.ws.run(async () => {
      await this.ws.api.deleteTemplate(id);
      this.saved = await this.ws.api.templates();
    });
    this.busy = false;
    if (ok) {
      // The open template is now an unsaved one: saving brings it back.
      this.clean = null;
      this.notice = { key: 'designer.deletedNotice' };
    }
  }

  exportJson(save: (name: string, mime: string, bytes: Uint8Array) => void): void {
    const f = exportTemplateJson(this.history.present);
    save(f.name, f.mime, new TextEncoder().encode(f.text));
  }

  /** Reads a template file; a bad one is reported (what and where) and the open template stays as it is. */
  async importFile(file: { name: string; text(): Promise<string> }): Promise<void> {
    const res = importTemplateJson(await file.text());
    if (!res.ok) {
      this.importError = { file: file.name, message: res.message, issues: res.issues.slice(0, 8) };
      return;
    }
    this.importError = null;
    // A built-in, or a template saved here already (an older export of it): the import opens as a copy, so
    // saving it can never overwrite the synced template on every station unasked.
    const clash = isBuiltin(res.template.id) || this.saved.some((x) => x.id === res.template.id);
    const t = clash ? copyTemplate(res.template, { id: this.newId(), suffix: this.suffix() }) : res.template;
    this.guard(() => {
      this.openTemplate(t, false);
      this.notice = { key: 'designer.imported', vars: { name: t.name } };
    });
  }

  // ---- preview

  async setLanguage(lang: PrinterLanguage): Promise<void> {
    this.language = lang;
    this.schedulePreview();
  }

  /** The context to preview with: an order from the list the template can print, else the sample shipment. */
  contextFor(t: Template): { context: PrintContext; orderNo: string | null } {
    const real = t.kind === 'pick-list' || t.kind === 'sku-label' ? undefined : this.contexts.find((c) => missingRequired(t, c).length === 0);
    if (real) return { context: real, orderNo: real.orders?.[0]?.orderNo ?? null };
    const cfg = this.ws.config;
    return { context: sampleContext({ printedAt: this.now(), station: { id: cfg?.id ?? 'station', name: cfg?.name ?? '工位' } }), orderNo: null };
  }

  /** Redraws the preview; while one is being drawn, changes fold into one more draw after it. */
  schedulePreview(): void {
    if (!this.open) return;
    if (this.rendering) {
      this.renderAgain = true;
      return;
    }
    this.rendering = true;
    void this.renderLoop();
  }

  private async renderLoop(): Promise<void> {
    try {
      do {
        this.renderAgain = false;
        await this.renderOnce();
      } while (this.renderAgain && this.open);
    } finally {
      this.rendering = false;
    }
  }

  private async renderOnce(): Promise<void> {
    const template = this.template;
    const { context, orderNo } = this.contextFor(template);
    try {
      const res = await this.draw({ template, profile: defaultProfile(this.language), context, as: 'png', scale: 1 });
      if (!res.png) throw new Error('the print worker returned no image');
      const old = this.previewUrl;
      this.previewUrl = URL.createObjectURL(res.png);
      if (old) URL.revokeObjectURL(old);
      this.previewOrderNo = orderNo;
      this.previewError = '';
    } catch (e) {
      this.previewError = message(e);
    }
  }
}
