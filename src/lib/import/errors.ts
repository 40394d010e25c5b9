// Typed import errors. A file that cannot be read stops the whole import before anything is stored, so these
// are thrown, never logged: `code` says what went wrong, `text` is the message as a key + parameters (see
// messages.ts) that the UI shows in zh or en, `message` is the same message as a complete Chinese sentence
// naming the file (and row/column where there is one), and `details` carries what a screen needs (headers and
// sample values for the column-mapping screen, the expected columns for a missing one).
// Errors lose their class when cloned across a worker boundary: send `toJSON()` and rebuild with `fromJSON`.
import { formatImport, type ImportText } from './messages';

export type ImportErrorCode =
  | 'empty_file'
  | 'binary_file'
  | 'zip_archive'
  | 'file_too_large'
  | 'unreadable_spreadsheet'
  | 'no_header'
  | 'unknown_format'
  | 'missing_column'
  | 'no_files';

export interface ImportErrorDetails {
  file?: string;
  row?: number;
  column?: string;
  headers?: string[];
  samples?: string[][];
  expected?: string[];
  [key: string]: unknown;
}

export interface ImportErrorJson {
  name: 'ImportError';
  code: ImportErrorCode;
  message: string;
  text: ImportText;
  details: ImportErrorDetails;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly text: ImportText,
    readonly details: ImportErrorDetails = {}
  ) {
    super(formatImport(text, 'zh'));
  }

  toJSON(): ImportErrorJson {
    return { name: 'ImportError', code: this.code, message: this.message, text: this.text, details: this.details };
  }

  static fromJSON(json: ImportErrorJson): ImportError {
    return new ImportError(json.code, json.text, json.details);
  }
}

export const isImportError = (e: unknown): e is ImportError => e instanceof ImportError;

export type ExportErrorCode = 'unknown_courier' | 'bad_value' | 'no_records';

/** A file that cannot be written correctly (a courier the platform has no name for, a value that would break the layout). */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
  }
}
