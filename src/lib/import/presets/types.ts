// The column-mapping model shared by built-in platform presets and the custom presets a seller saves on the
// mapping screen. A mapping is header -> field, JSON-serialisable and validated with zod so a saved preset
// can travel through the synced catalog. When several columns map to one field, `FIELD_COMBINE` says how
// they combine: amounts that are split over columns (PDD's three discounts) add up, address and name parts
// join with a space, and everything else takes the first non-empty value in priority order (a preset's
// column order; a saved mapping's key order), e.g. Taobao's 联系手机 before 联系电话.
import { z } from 'zod';
import { Platform } from '../../domain/schemas';

export const IMPORT_FIELDS = [
  'orderNo',
  'subOrderNo',
  'shop',
  'buyer',
  'recipientName',
  'phone',
  'province',
  'city',
  'district',
  'street',
  'detail',
  'fullAddress',
  'postcode',
  'country',
  'platformSku',
  'outerSku',
  'title',
  'spec',
  'qty',
  'price',
  'lineTotal',
  'goodsTotal',
  'shippingFee',
  'discount',
  'paid',
  'refundAmount',
  'paidAt',
  'createdAt',
  'buyerMessage',
  'sellerMemo',
  'status',
  'payStatus',
  'refundStatus',
  'cancelled',
  'presale',
  'courier',
  'trackingNo',
  'ignore'
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

export const FIELD_COMBINE: Partial<Record<ImportField, 'sum' | 'join'>> = {
  discount: 'sum',
  detail: 'join',
  recipientName: 'join',
  sellerMemo: 'join',
  buyerMessage: 'join'
};

/** header -> field, as saved from the mapping screen. */
export const ColumnMapping = z.record(z.string().min(1), ImportField);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const SavedPreset = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  platform: Platform,
  mapping: ColumnMapping
});
export type SavedPreset = z.infer<typeof SavedPreset>;

export interface ColumnSpec {
  field: ImportField;
  /** Header names as the platform writes them, first match wins (older and newer spellings). */
  headers: readonly string[];
  /** True when the header was confirmed against real exports (see the preset's `source`), false when assumed. */
  confirmed: boolean;
}

export interface Preset {
  id: string;
  platform: Platform;
  label: string;
  /** `orders`: order-level data only (Taobao 订单报表); `items`: lines only (宝贝报表); `full`: both. */
  role: 'full' | 'orders' | 'items';
  columns: readonly ColumnSpec[];
  /** Headers that together identify the export; recognition scores the share present. */
  signature: readonly string[];
  /** The platform withholds recipient name/phone in some exports (PDD, Douyin): import with a flag. */
  recipientMayBeHidden?: boolean;
  /** International addresses: Chinese divisions are applied only when the country is China. */
  international?: boolean;
  /** The encoding the platform's own export usually has (for display; detection decides). */
  typicalEncoding: string;
  /** Where the headers come from and which are assumed. */
  source: string;
}

/** Shorthand for preset tables: [field, headers, confirmed]. */
export const col = (field: ImportField, headers: string | readonly string[], confirmed = true): ColumnSpec => ({
  field,
  headers: typeof headers === 'string' ? [headers] : headers,
  confirmed
});
