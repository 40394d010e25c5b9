// The domain model as zod schemas: what a platform sold (Order), what the warehouse sends (Shipment),
// and the catalog around them. Platform data is immutable once imported; the fields people change live
// in per-station registers (see registers.ts), never in these records.
import { z } from 'zod';

export const PLATFORMS = ['taobao', 'tmall', 'pdd', 'jd', 'douyin', 'kuaishou', 'wechat', 'shopify', 'amazon', 'generic'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

export const Address = z.object({
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string(),
  postcode: z.string().optional()
});
export type Address = z.infer<typeof Address>;

export const Recipient = z.object({
  name: z.string().min(1),
  /** As the platform gave it: full, masked (138****1234) or a privacy number with extension. */
  phone: z.string(),
  address: Address
});
export type Recipient = z.infer<typeof Recipient>;

export const OrderLine = z.object({
  /** 1-based position within the order; with the order id it names the line everywhere (merge/split refer to it). */
  lineNo: z.number().int().positive(),
  platformSku: z.string(),
  /** Our SKU code once mapped (商品配对); empty when unmapped. */
  sku: z.string(),
  title: z.string(),
  spec: z.string(),
  qty: z.number().int().positive(),
  /** Unit price in cents (分). */
  price: z.number().int().nonnegative()
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Order = z.object({
  /** Deterministic: `platform:shop:orderNo`, so one order imported on two stations is one order. */
  id: z.string(),
  platform: Platform,
  shopId: z.string(),
  orderNo: z.string().min(1),
  buyer: z.string(),
  recipient: Recipient,
  lines: z.array(OrderLine).min(1),
  /** Amounts in cents. */
  goodsTotal: z.number().int().nonnegative(),
  shippingFee: z.number().int().nonnegative(),
  discount: z.number().int().nonnegative(),
  paid: z.number().int().nonnegative(),
  /** Epoch milliseconds. */
  paidAt: z.number().int(),
  buyerMessage: z.string(),
  /** The seller memo as the platform exported it; local edits are registers on top. */
  sellerMemo: z.string(),
  refund: z.enum(['none', 'requested', 'refunded']),
  presale: z.boolean(),
  /** Tracking number and courier if the platform file already carried them. */
  courierId: z.string().optional(),
  trackingNo: z.string().optional()
});
export type Order = z.infer<typeof Order>;

export const ShipmentPart = z.object({ orderId: z.string(), lineNo: z.number().int().positive(), qty: z.number().int().positive() });
export type ShipmentPart = z.infer<typeof ShipmentPart>;

export const Shipment = z.object({
  /** Derived from the parts it holds (see ids.ts) so two stations making the same merge or split converge. */
  id: z.string(),
  parts: z.array(ShipmentPart).min(1),
  warehouseId: z.string(),
  /** Grams, from the catalog weights. */
  expectedWeight: z.number().nonnegative(),
  /** Links instead of deletions: the shipments this one was merged from or split from. */
  mergedFrom: z.array(z.string()).default([]),
  splitFrom: z.string().optional()
});
export type Shipment = z.infer<typeof Shipment>;

export const Shop = z.object({
  id: z.string(),
  platform: Platform,
  name: z.string(),
  /** Where this shop's orders ship from unless a rule says otherwise. */
  warehouseId: z.string().optional(),
  sender: z.object({ name: z.string(), phone: z.string(), address: Address })
});
export type Shop = z.infer<typeof Shop>;

export const Sku = z.object({
  code: z.string(),
  barcodes: z.array(z.string()),
  name: z.string(),
  spec: z.string(),
  /** Grams. */
  weight: z.number().nonnegative(),
  location: z.string(),
  price: z.number().int().nonnegative()
});
export type Sku = z.infer<typeof Sku>;

export const SkuMapping = z.object({ platform: Platform, shopId: z.string(), platformSku: z.string(), sku: z.string(), qty: z.number().int().positive() });
export type SkuMapping = z.infer<typeof SkuMapping>;

export const Courier = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** Tracking number shape where one is known (validated on manual entry and scans). */
  trackingPattern: z.string().optional()
});
export type Courier = z.infer<typeof Courier>;

export const Warehouse = z.object({ id: z.string(), name: z.string(), address: Address });
export type Warehouse = z.infer<typeof Warehouse>;

/** Opening stock per warehouse and SKU; later changes are per-station counters, never an overwritten number. */
export const StockSeed = z.object({ warehouseId: z.string(), sku: z.string(), onHand: z.number().int() });
export type StockSeed = z.infer<typeof StockSeed>;

export const Station = z.object({
  /** Random, made once per browser profile; registers and logs are keyed by it. */
  id: z.string().regex(/^[A-Za-z0-9_-]{4,40}$/),
  name: z.string().min(1).max(40)
});
export type Station = z.infer<typeof Station>;

export const Role = z.enum(['owner', 'supervisor', 'packer']);
export const User = z.object({ id: z.string(), name: z.string(), role: Role });
export type User = z.infer<typeof User>;

export const Catalog = z.object({
  shops: z.array(Shop),
  skus: z.array(Sku),
  skuMappings: z.array(SkuMapping),
  couriers: z.array(Courier),
  warehouses: z.array(Warehouse),
  stock: z.array(StockSeed)
});
export type Catalog = z.infer<typeof Catalog>;
