// The import library's public surface: export files in, validated domain records out, and files back out.
// Pure functions over bytes (no DOM, storage or network), so they run the same in the import worker, in a
// test and on any station. See import-orders.ts for the pipeline, presets/ for what each platform's export
// looks like, export.ts for bulk-ship and list files.
export { parseOrderFiles, rejectedToCsv, diffAgainst, REJECTED_HEADERS } from './import-orders';
export type { ImportFile, ImportProgress, ParseOrderFilesOptions, ParseOrderFilesResult, FileReport, OrderFlag, OrderFlagKind, Rejected, Skipped, DiffResult, DiffOptions, OrderUpdate, ChangedField } from './import-orders';
export { parseCatalogFile, CATALOG_HEADERS, type CatalogImportOptions, type CatalogImportResult } from './import-catalog';
export { bulkShipFile, exportList, orderListRows, ORDER_LIST_HEADERS, BULK_SHIP_LAYOUTS, type ExportFile, type ShipRecord, type ListFormat } from './export';
export { ImportError, ExportError, isImportError, type ImportErrorCode, type ImportErrorJson } from './errors';
export { TEXT_ENCODINGS, ENCODING_LABELS, type TextEncodingName } from './encoding';
export { PRESETS, detectPreset, guessMapping, missingForMapping, missingForMappingTexts, IMPORT_FIELDS, IMPORT_FIELD_LABELS, ColumnMapping, SavedPreset, type ImportField, type Preset } from './presets/index';
export { PLATFORM_COURIER_NAMES, courierIdFromName, courierName } from './couriers';
export { listSheets } from './spreadsheet';
export { formatImport, IMPORT_MESSAGES, type ImportText, type ImportLang } from './messages';
export { DEFAULT_MAX_BYTES, tooLargeText } from './read-table';
export { SkuMatcher, type SkuSuggestion, type SuggestionWhy } from './sku-match';
export { HIDDEN_RECIPIENT } from './build-orders';
