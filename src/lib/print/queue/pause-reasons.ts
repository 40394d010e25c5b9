// Why a print queue stopped, in words a seller can act on. The queue never fails silently: every stop has a
// code (stable, for the UI's message dictionary) and a plain-English message with the detail (which printer,
// which label). PAUSE_TEXT holds the seller-facing zh/en sentences per code, ready for ui/messages.ts.
import type { PrinterProblem } from '../transports/status';
import { TransportError } from '../transports/transport';

export type PauseCode =
  | 'user'
  | 'no-printer'
  | 'printer-disconnected'
  | 'paper-out'
  | 'head-open'
  | 'cover-open'
  | 'ribbon-out'
  | 'paper-jam'
  | 'printer-paused'
  | 'overheated'
  | 'printer-offline'
  | 'printer-error'
  | 'printer-not-answering'
  | 'printer-stalled'
  | 'status-unreadable'
  | 'journal-failed'
  | 'unexpected-error';

export interface PauseInfo {
  code: PauseCode;
  /** Plain English with detail, for logs and the English UI. */
  message: string;
  /** Every problem the printer reported, when the pause came from a status check. */
  problems?: PrinterProblem[];
  /** The job the queue was on when it stopped. */
  jobId?: string;
  at: number;
}

export const PAUSE_TEXT: Record<PauseCode, { zh: string; en: string }> = {
  user: { zh: '已暂停', en: 'Paused' },
  'no-printer': { zh: '未连接打印机，请先连接打印机', en: 'No printer connected: connect a printer first' },
  'printer-disconnected': { zh: '打印机已断开，请重新连接后继续', en: 'The printer was disconnected: reconnect it, then resume' },
  'paper-out': { zh: '打印机缺纸，请装纸后继续', en: 'The printer is out of paper: load labels, then resume' },
  'head-open': { zh: '打印头未合上，请合上后继续', en: 'The print head is open: close it, then resume' },
  'cover-open': { zh: '打印机盖未关，请关好后继续', en: 'The printer cover is open: close it, then resume' },
  'ribbon-out': { zh: '碳带用完，请更换碳带后继续', en: 'The ribbon ran out: replace it, then resume' },
  'paper-jam': { zh: '打印机卡纸，请清理后继续', en: 'Paper is jammed: clear it, then resume' },
  'printer-paused': { zh: '打印机处于暂停状态，请按打印机上的暂停键后继续', en: 'The printer itself is paused: press its pause button, then resume' },
  overheated: { zh: '打印头过热，请稍候再继续', en: 'The print head is too hot: wait a moment, then resume' },
  'printer-offline': { zh: '打印机离线', en: 'The printer is offline' },
  'printer-error': { zh: '打印机报告错误，请检查打印机', en: 'The printer reported an error: check it' },
  'printer-not-answering': { zh: '打印机没有响应，请检查电源和连接', en: 'The printer is not answering: check its power and cable' },
  'printer-stalled': { zh: '打印机不再接收数据，请检查打印机', en: 'The printer stopped taking data: check it' },
  'status-unreadable': { zh: '无法读取打印机状态，请检查打印机语言设置', en: "The printer's status reply could not be read: check the printer language setting" },
  'journal-failed': { zh: '打印记录无法保存，已暂停以免漏记', en: 'The print record could not be saved: paused so nothing prints unrecorded' },
  'unexpected-error': { zh: '打印出错', en: 'Printing failed with an unexpected error' }
};

const PROBLEM_CODE: Record<PrinterProblem, PauseCode> = {
  'paper-out': 'paper-out',
  'head-open': 'head-open',
  'cover-open': 'cover-open',
  'ribbon-out': 'ribbon-out',
  'paper-jam': 'paper-jam',
  paused: 'printer-paused',
  overheated: 'overheated',
  offline: 'printer-offline',
  error: 'printer-error',
  'paper-near-end': 'printer-error'
};

/** The pause for a status reply with problems (the first blocking problem names it; all are listed). */
export function pauseForProblems(problems: PrinterProblem[], printer: string): Omit<PauseInfo, 'at' | 'jobId'> {
  const blocking = problems.filter((p) => p !== 'paper-near-end');
  const code = PROBLEM_CODE[blocking[0] ?? 'error'];
  return { code, problems, message: `${PAUSE_TEXT[code].en} (${printer} reports: ${problems.join(', ')})` };
}

/** The pause for an error thrown while writing to or reading from the printer. */
export function pauseForError(error: unknown, printer: string, during: 'write' | 'status'): Omit<PauseInfo, 'at' | 'jobId'> {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof TransportError) {
    const code: PauseCode =
      error.kind === 'disconnected' ? 'printer-disconnected'
      : error.kind === 'timeout' ? 'printer-not-answering'
      : error.kind === 'stalled' ? 'printer-stalled'
      : 'printer-error';
    return { code, message: `${PAUSE_TEXT[code].en} (${printer}: ${detail})` };
  }
  if (during === 'status' && error instanceof Error && /unreadable|empty status/.test(error.message))
    return { code: 'status-unreadable', message: `${PAUSE_TEXT['status-unreadable'].en} (${printer}: ${detail})` };
  return { code: 'unexpected-error', message: `${PAUSE_TEXT['unexpected-error'].en} while ${during === 'write' ? 'sending a label' : 'reading the status'} (${printer}: ${detail})` };
}
