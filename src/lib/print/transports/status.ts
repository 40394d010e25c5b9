// Printer status: the query each language sends and how its reply reads. The queue asks between labels
// and pauses with a clear reason on paper out, head open and the like; a printer that stays silent is
// reported as such (a Zebra out of media may not answer at all).
// Sources: TSC TSPL manual (ESC ! ?), Zebra ZPL II guide (~HS host status), Epson ESC/POS (DLE EOT n).
import type { PrinterLanguage } from '../profiles';

export type PrinterProblem = 'head-open' | 'paper-jam' | 'paper-out' | 'ribbon-out' | 'paused' | 'cover-open' | 'overheated' | 'paper-near-end' | 'offline' | 'error';

export interface PrinterStatus {
  ready: boolean;
  problems: PrinterProblem[];
  /** Still printing the previous job (not a problem: wait). */
  busy: boolean;
}

export const STATUS_QUERY: Record<PrinterLanguage, Uint8Array> = {
  tspl: Uint8Array.of(0x1b, 0x21, 0x3f),
  zpl: new TextEncoder().encode('~HS'),
  // DLE EOT 4: paper roll sensor; paper end shows here on the printers we know.
  escpos: Uint8Array.of(0x10, 0x04, 0x04)
};

/** Bytes of reply to wait for before parsing (ZPL: until the third ETX). */
export const replyComplete = (language: PrinterLanguage, reply: Uint8Array): boolean =>
  language === 'zpl' ? reply.filter((b) => b === 0x03).length >= 3 : reply.length >= 1;

const TSPL_BITS: [number, PrinterProblem | 'busy'][] = [
  [0x01, 'head-open'],
  [0x02, 'paper-jam'],
  [0x04, 'paper-out'],
  [0x08, 'ribbon-out'],
  [0x10, 'paused'],
  [0x20, 'busy'],
  [0x40, 'cover-open'],
  [0x80, 'overheated']
];

function fromBits(byte: number, table: [number, PrinterProblem | 'busy'][]): PrinterStatus {
  const problems: PrinterProblem[] = [];
  let busy = false;
  for (const [bit, what] of table)
    if (byte & bit) {
      if (what === 'busy') busy = true;
      else problems.push(what);
    }
  return { ready: problems.length === 0, problems, busy };
}

/** ZPL ~HS: three STX…ETX strings; string 1 field 2 = paper out, field 3 = pause; string 2 field 3 = head up, field 4 = ribbon out. */
function parseZpl(reply: Uint8Array): PrinterStatus {
  const text = new TextDecoder().decode(reply);
  const strings = [...text.matchAll(/\x02([^\x03]*)\x03/g)].map((m) => m[1].split(','));
  if (strings.length < 2) throw new Error(`unreadable ~HS reply: ${JSON.stringify(text.slice(0, 80))}`);
  const [one, two] = strings;
  const flag = (fields: string[], i: number) => fields[i]?.trim() === '1';
  const problems: PrinterProblem[] = [];
  if (flag(one, 1)) problems.push('paper-out');
  if (flag(one, 2)) problems.push('paused');
  if (flag(two, 2)) problems.push('head-open');
  if (flag(two, 3)) problems.push('ribbon-out');
  if (flag(one, 10) || flag(one, 11)) problems.push('overheated');
  return { ready: problems.length === 0, problems, busy: false };
}

/** ESC/POS DLE EOT 4: bits 2–3 paper near end, bits 5–6 paper end (bits 1 and 4 are always set). */
function parseEscpos(reply: Uint8Array): PrinterStatus {
  const b = reply[0];
  if ((b & 0x12) !== 0x12 || b & 0x81) throw new Error(`unreadable DLE EOT reply: 0x${b.toString(16)}`);
  const problems: PrinterProblem[] = [];
  if (b & 0x60) problems.push('paper-out');
  const near = (b & 0x0c) !== 0;
  return { ready: problems.length === 0, problems: near ? [...problems, 'paper-near-end'] : problems, busy: false };
}

export function parseStatus(language: PrinterLanguage, reply: Uint8Array): PrinterStatus {
  if (!reply.length) throw new Error('empty status reply');
  if (language === 'tspl') return fromBits(reply[0], TSPL_BITS);
  if (language === 'zpl') return parseZpl(reply);
  const st = parseEscpos(reply);
  // Near end is a warning, not a reason to stop.
  return { ...st, ready: !st.problems.some((p) => p !== 'paper-near-end') };
}
