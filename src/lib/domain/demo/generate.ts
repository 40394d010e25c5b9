// Deterministic demo orders. Order `index` is a pure function of (seed, index, catalog, now): its random
// stream is seeded from the pair alone, so a worker can generate any chunk in any order and two stations
// loading the same demo get identical orders (same ids) that converge instead of duplicating. Heavy tables
// are built once in createDemoContext so each order costs a few microseconds.
import { orderId } from '../ids';
import type { Catalog, Order, OrderLine, Platform, Shop } from '../schemas';
import { DEMO_SHOPS, demoTrackingNo, platformSkuId } from './catalog';
import { CITY_WEIGHTS, PROVINCES } from './china-divisions';
import { BUYER_MESSAGES, SELLER_MEMOS, addressDetail, buyerNick, maskName, personName, platformPhone } from './people';
import { Rng, Weighted, fmix32, mixSeed, scramble32 } from './rng';

export { generateCatalog } from './catalog';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

interface Listing {
  platformSku: string;
  sku: string;
  title: string;
  spec: string;
  price: number;
}

interface ShopPlan {
  shop: Shop;
  listings: Listing[];
}

interface ProvincePlan {
  name: string;
  remote: boolean;
  cities: Weighted<readonly [string, readonly string[]]>;
}

export interface DemoContext {
  readonly seed: number;
  readonly now: number;
  readonly days: number;
  readonly catalog: Catalog;
  readonly shops: Weighted<ShopPlan>;
  readonly provinces: Weighted<ProvincePlan>;
  readonly couriers: ReadonlyMap<Platform | 'other', Weighted<string>>;
  readonly orderKey: number;
}

/** Orders per hour of the China-local day: a morning rise and an evening peak around 21:00. */
const HOURS = new Weighted(
  [1.5, 0.8, 0.4, 0.2, 0.15, 0.2, 0.5, 1.2, 2.2, 3.2, 3.8, 3.8, 3.6, 3.4, 3.5, 3.6, 3.6, 3.4, 3.8, 4.8, 6.2, 7, 6.2, 3.5].map((w, h) => [h, w] as const)
);
const LINE_COUNTS = new Weighted([[1, 62], [2, 24], [3, 8], [4, 4], [5, 2]] as const);
const QTYS = new Weighted([[1, 82], [2, 14], [3, 4]] as const);
const COUPONS = [300, 500, 1000, 2000, 3000, 5000];

const PRICE_FACTOR: Partial<Record<Platform, number>> = { tmall: 1.05, pdd: 0.85, douyin: 0.95, shopify: 1.2 };
const TITLE_TAGS: Partial<Record<Platform, readonly string[]>> = {
  pdd: ['【百亿补贴】', '【工厂直发】', '【限时秒杀】', ''],
  douyin: ['【直播专享】', '【抖音爆款】', ''],
  tmall: ['【官方正品】', '']
};

/** Catalog specs are `label:value;label:value`; each platform exports them in its own shape. */
function platformSpec(spec: string, platform: Platform): string {
  if (!spec) return '';
  const pairs = spec.split(';').map((p) => p.split(':'));
  const values = pairs.map((p) => p[p.length - 1]);
  switch (platform) {
    case 'taobao':
    case 'tmall':
      return pairs.map((p) => (p.length > 1 ? `${p[0] === '颜色' ? '颜色分类' : p[0]}:${p[1]}` : p[0])).join(';');
    case 'pdd':
      return values.join(',');
    case 'jd':
      return values.join(' ');
    case 'shopify':
      return values.join(' / ');
    default:
      return values.join(';');
  }
}

const roundTo10 = (cents: number): number => Math.max(10, Math.round(cents / 10) * 10);

function shopPlans(catalog: Catalog, rng: Rng): Weighted<ShopPlan> {
  const skus = new Map(catalog.skus.map((s) => [s.code, s]));
  const plans: (readonly [ShopPlan, number])[] = [];
  for (const shop of catalog.shops) {
    const factor = PRICE_FACTOR[shop.platform] ?? 1;
    const tags = TITLE_TAGS[shop.platform] ?? [''];
    const listings: Listing[] = [];
    /** One listing title per product across its variants, as on a real shop page. */
    const titleTag = new Map<string, string>();
    for (const m of catalog.skuMappings) {
      const sku = m.shopId === shop.id && m.platform === shop.platform ? skus.get(m.sku) : undefined;
      if (!sku) continue;
      let tag = titleTag.get(sku.name);
      if (tag === undefined) titleTag.set(sku.name, (tag = rng.pick(tags)));
      listings.push({
        platformSku: m.platformSku,
        sku: sku.code,
        title: tag + sku.name + (m.qty > 1 ? ` ${m.qty}件装` : ''),
        spec: platformSpec(sku.spec, shop.platform),
        price: roundTo10(sku.price * factor * (m.qty > 1 ? m.qty * 0.95 : 1))
      });
    }
    if (listings.length) plans.push([{ shop, listings }, DEMO_SHOPS.find((s) => s.id === shop.id)?.weight ?? 5]);
  }
  if (!plans.length) throw new Error('demo catalog has no shop with mapped SKUs');
  return new Weighted(plans);
}

function courierTables(catalog: Catalog): Map<Platform | 'other', Weighted<string>> {
  const have = new Set(catalog.couriers.map((c) => c.id));
  const table = (entries: [string, number][]) => {
    const kept = entries.filter(([id]) => have.has(id));
    return kept.length ? new Weighted(kept) : undefined;
  };
  const out = new Map<Platform | 'other', Weighted<string>>();
  const jd = table([['jd', 80], ['sf', 20]]);
  const other = table([['zto', 25], ['yto', 20], ['yd', 18], ['sto', 12], ['jt', 12], ['sf', 8], ['ems', 5]]);
  if (jd) out.set('jd', jd);
  if (other) out.set('other', other);
  return out;
}

export function createDemoContext(opts: { seed: number; catalog: Catalog; now: number; days?: number }): DemoContext {
  const days = opts.days ?? 7;
  if (!(days > 0)) throw new Error(`demo days must be positive, got ${days}`);
  const rng = new Rng(mixSeed(opts.seed, 0x5e1ec7));
  return {
    seed: opts.seed,
    now: opts.now,
    days,
    catalog: opts.catalog,
    shops: shopPlans(opts.catalog, rng),
    provinces: new Weighted(
      PROVINCES.map((p) => [{ name: p.name, remote: p.remote ?? false, cities: new Weighted(p.cities.map((c, i) => [c, CITY_WEIGHTS[i] ?? 1] as const)) }, p.weight] as const)
    ),
    couriers: courierTables(opts.catalog),
    orderKey: fmix32(opts.seed ^ 0x0bd3c0de)
  };
}

/** Paid within the last `days` before `now`, on a China-local daily curve that peaks in the evening. */
function paidTime(ctx: DemoContext, rng: Rng): number {
  const from = ctx.now - ctx.days * DAY;
  const today = Math.floor((ctx.now + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  for (let tries = 0; tries < 8; tries++) {
    const t = today - rng.int(0, ctx.days) * DAY + HOURS.pick(rng) * HOUR + rng.int(0, HOUR - 1);
    if (t >= from && t <= ctx.now) return t;
  }
  return ctx.now - rng.int(0, ctx.days * DAY);
}

/** Platform order numbers in their real shapes; the last ten digits encode the index so none can collide. */
function orderNumber(ctx: DemoContext, rng: Rng, platform: Platform, index: number, paidAt: number): string {
  const unique = String(scramble32(index, ctx.orderKey)).padStart(10, '0');
  switch (platform) {
    case 'taobao':
    case 'tmall':
      return rng.int(1, 4) + rng.digits(rng.chance(0.8) ? 8 : 7) + unique;
    case 'pdd': {
      const d = new Date(paidAt + CHINA_OFFSET);
      const ymd = String((d.getUTCFullYear() % 100) * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()).padStart(6, '0');
      return `${ymd}-${rng.digits(5)}${unique}`;
    }
    case 'jd':
      return rng.int(2, 3) + rng.digits(1) + unique;
    case 'douyin':
      return rng.int(5, 6) + rng.digits(8) + unique;
    case 'shopify':
      return `#${1001 + index}`;
    default:
      return 'D' + unique;
  }
}

function orderLines(rng: Rng, plan: ShopPlan): OrderLine[] {
  const n = Math.min(LINE_COUNTS.pick(rng), plan.listings.length);
  const chosen: Listing[] = [];
  for (let tries = 0; chosen.length < n && tries < n * 4; tries++) {
    const l = rng.pick(plan.listings);
    if (!chosen.includes(l)) chosen.push(l);
  }
  return chosen.map((l, i) => {
    const unmapped = rng.chance(0.02);
    return {
      lineNo: i + 1,
      platformSku: unmapped ? platformSkuId(rng, plan.shop.platform, true) : l.platformSku,
      sku: unmapped ? '' : l.sku,
      title: l.title,
      spec: l.spec,
      qty: QTYS.pick(rng),
      price: l.price
    };
  });
}

export function demoOrder(ctx: DemoContext, index: number): Order {
  const rng = new Rng(mixSeed(ctx.seed, index));
  const plan = ctx.shops.pick(rng);
  const { shop } = plan;
  const platform = shop.platform;
  const paidAt = paidTime(ctx, rng);
  const orderNo = orderNumber(ctx, rng, platform, index, paidAt);
  const person = personName(rng);
  const province = ctx.provinces.pick(rng);
  const [city, districts] = province.cities.pick(rng);
  const district = rng.pick(districts);
  const name = platform === 'shopify' ? person.en : platform === 'pdd' && rng.chance(0.1) ? maskName(person.zh) : person.zh;
  const lines = orderLines(rng, plan);

  let goodsTotal = 0;
  for (const l of lines) goodsTotal += l.price * l.qty;
  let shippingFee = 0;
  if (province.remote ? rng.chance(0.7) : rng.chance(0.06)) shippingFee = rng.int(5, 20) * 100;
  let discount = 0;
  if (rng.chance(0.35)) {
    const fits = COUPONS.filter((c) => c * 2 <= goodsTotal);
    if (fits.length) discount = rng.pick(fits);
  }
  if (platform === 'pdd' && rng.chance(0.2)) discount += Math.round(goodsTotal / 100) * 10;
  discount = Math.min(discount, goodsTotal + shippingFee);

  const r = rng.next();
  const order: Order = {
    id: orderId(platform, shop.id, orderNo),
    platform,
    shopId: shop.id,
    orderNo,
    buyer: buyerNick(rng, platform, person),
    recipient: {
      name,
      phone: platformPhone(rng, platform),
      address: { province: province.name, city, district, detail: addressDetail(rng, city, district) }
    },
    lines,
    goodsTotal,
    shippingFee,
    discount,
    paid: goodsTotal + shippingFee - discount,
    paidAt,
    buyerMessage: rng.chance(0.15) ? rng.pick(BUYER_MESSAGES) : '',
    sellerMemo: rng.chance(0.1) ? rng.pick(SELLER_MEMOS) : '',
    refund: r < 0.02 ? 'requested' : r < 0.03 ? 'refunded' : 'none',
    presale: rng.chance(0.03)
  };
  const couriers = ctx.couriers.get(platform === 'jd' ? 'jd' : 'other');
  if (couriers && rng.chance(0.1)) {
    order.courierId = couriers.pick(rng);
    order.trackingNo = demoTrackingNo(rng, order.courierId);
  }
  return order;
}

/** `count` consecutive demo orders starting at `start`. */
export function demoOrders(ctx: DemoContext, start: number, count: number): Order[] {
  const out: Order[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = demoOrder(ctx, start + i);
  return out;
}
