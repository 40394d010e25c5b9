// One printer status check: send the language's status query, read until the reply is complete (a ZPL ~HS
// reply may arrive in pieces), parse it. The whole check shares one time budget, so a printer that trickles
// bytes cannot hold the queue longer than a silent one. Errors are thrown as they come (TransportError from
// the transport, Error from an unreadable reply); the queue turns them into a pause reason.
import type { Clock } from '../../domain/ports';
import type { PrinterLanguage } from '../profiles';
import { parseStatus, replyComplete, STATUS_QUERY, type PrinterStatus } from '../transports/status';
import { TransportError, type PrinterTransport } from '../transports/transport';

/** Longest reply we wait for: ZPL ~HS is three STX…ETX strings of about 80 bytes in all. */
const MAX_REPLY = 256;
/** A transport that keeps answering with empty reads must not spin forever (the clock may be a fixed test clock). */
const MAX_READS = 64;

export async function checkStatus(opts: { transport: PrinterTransport; language: PrinterLanguage; timeoutMs: number; clock: Clock }): Promise<PrinterStatus> {
  const { transport, language, timeoutMs, clock } = opts;
  await transport.write(STATUS_QUERY[language]);
  const deadline = clock.now() + timeoutMs;
  let reply = new Uint8Array(0);
  for (let reads = 0; !replyComplete(language, reply); reads++) {
    if (reads >= MAX_READS) throw new TransportError('timeout', `${transport.label} status: no complete reply after ${MAX_READS} reads`);
    const left = deadline - clock.now();
    if (left <= 0) throw new TransportError('timeout', `${transport.label} status: incomplete reply within ${timeoutMs} ms`);
    const part = await transport.read(MAX_REPLY - reply.length, left);
    const joined = new Uint8Array(reply.length + part.length);
    joined.set(reply);
    joined.set(part, reply.length);
    reply = joined;
    if (reply.length >= MAX_REPLY && !replyComplete(language, reply)) throw new Error(`unreadable status reply: ${MAX_REPLY} bytes without an end`);
  }
  return parseStatus(language, reply);
}
