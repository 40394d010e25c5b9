// Who may open which document on the sync server. Stations present one shared secret as the provider token;
// document names are client-chosen, so they are limited to a safe alphabet before any document is created.
// A rejection carries a short machine-readable `reason`: Hocuspocus sends `error.reason` to the provider in
// its permission-denied message, and the provider emits it as `authenticationFailed({ reason })`.
import { createHash, timingSafeEqual } from 'node:crypto';

export const DOCUMENT_NAME_PATTERN = /^[A-Za-z0-9._-]{1,80}$/;

export type SyncAccessReason = 'missing-secret' | 'wrong-secret' | 'invalid-document-name';

/** Thrown from onAuthenticate; Hocuspocus forwards `reason` to the client. */
export class SyncAccessDenied extends Error {
  readonly reason: SyncAccessReason;

  constructor(reason: SyncAccessReason, documentName: string) {
    super(`sync access denied (${reason}) for document ${JSON.stringify(documentName.slice(0, 100))}`);
    this.name = 'SyncAccessDenied';
    this.reason = reason;
  }
}

/** Compares in time independent of where the strings differ (hashing first also hides the length). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/**
 * The reason a connection to `documentName` with `token` must be refused, or null when it may proceed.
 * With no secret configured every token is accepted (the server then listens on localhost only by default).
 */
export function syncAccessDenial(options: {
  secret: string | undefined;
  token: string;
  documentName: string;
}): SyncAccessReason | null {
  const { secret, token, documentName } = options;
  if (secret) {
    if (!token) return 'missing-secret';
    if (!sameSecret(token, secret)) return 'wrong-secret';
  }
  if (!DOCUMENT_NAME_PATTERN.test(documentName)) return 'invalid-document-name';
  return null;
}
