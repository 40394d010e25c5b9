// Which documents a print batch carries (面单 / 装箱单 / 拣货单), each with its template and its output (the
// connected printer or system print), and how the batch's system print is going. The print dialog's state
// (print-session.svelte.ts) owns the label template and starts the batch with what this chooses.
import type { BatchDocument, DocumentOutput, SystemPrintProgress } from '../app/print-batch';
import type { StationApi } from '../app/station-api';
import { TEMPLATE_KIND } from '../print/batch-documents';
import { templateChoices } from '../print/designer/library';
import type { DocumentKind } from '../print/queue/index';
import type { Template } from '../print/template';

export class DocumentChoice {
  on = $state(false);
  templateId = $state('');
  output = $state<DocumentOutput>('printer');

  constructor(
    readonly kind: DocumentKind,
    init: { on: boolean; templateId: string; output: DocumentOutput }
  ) {
    this.on = init.on;
    this.templateId = init.templateId;
    this.output = init.output;
  }
}

export class PrintDocuments {
  /** The label's template is the print dialog's (session.templateId); this row holds only on and output. */
  readonly label: DocumentChoice;
  readonly slip: DocumentChoice;
  readonly pick: DocumentChoice;
  /** Templates saved on any station (built-ins come with the app). */
  saved = $state.raw<Template[]>([]);
  system = $state.raw<SystemPrintProgress | null>(null);
  /** Why the batch could not start (no document chosen; a printer output with no printer). */
  notice = $state<'' | 'documents.none' | 'documents.connectOrSystem'>('');

  /** `direct`: this browser can reach a printer itself (WebUSB, Web Serial or Web Bluetooth); else all goes to system print. */
  constructor(direct: boolean) {
    this.label = new DocumentChoice('label', { on: true, templateId: '', output: direct ? 'printer' : 'system' });
    // A5 slips and A4 pick lists suit an office printer with a driver; the 80 mm templates suit a receipt printer.
    this.slip = new DocumentChoice('packing-slip', { on: false, templateId: 'builtin:packing-slip-a5', output: 'system' });
    this.pick = new DocumentChoice('pick-list', { on: false, templateId: 'builtin:pick-list-a4', output: 'system' });
  }

  get rows(): DocumentChoice[] {
    return [this.label, this.slip, this.pick];
  }

  get busy(): boolean {
    return this.system?.phase === 'rendering' || this.system?.phase === 'printing' || this.system?.phase === 'confirm';
  }

  /** Waiting for the seller to say whether the system print dialog printed. */
  private answer: ((printed: boolean) => void) | null = null;

  /** Asked by the batch once the OS print dialog has closed. */
  askPrinted = (): Promise<boolean> => new Promise((resolve) => (this.answer = resolve));

  /** The seller's answer: yes journals the pages as printed, no as not printed. */
  answerPrinted(printed: boolean): void {
    this.answer?.(printed);
    this.answer = null;
  }

  templatesOf(kind: DocumentKind): Template[] {
    return templateChoices(this.saved, TEMPLATE_KIND[kind]);
  }

  templateOf(choice: DocumentChoice): Template | undefined {
    const list = this.templatesOf(choice.kind);
    return list.find((t) => t.id === choice.templateId) ?? list[0];
  }

  /** The dialog opened for a new batch: last batch's system print state goes, saved templates are read. */
  async opened(api: StationApi): Promise<void> {
    this.system = null;
    this.notice = '';
    this.saved = await api.templates();
  }

  /** The documents to print, in the rows' order; the label with the dialog's label template. `printerIsSystem`:
   * the chosen printer is itself system print, so "printer" means the print dialog too. */
  chosen(labelTemplate: Template, printerIsSystem = false): BatchDocument[] {
    return this.rows
      .filter((r) => r.on)
      .flatMap((r) => {
        const template = r.kind === 'label' ? labelTemplate : this.templateOf(r);
        return template ? [{ kind: r.kind, template, output: printerIsSystem ? 'system' : r.output }] : [];
      });
  }
}
