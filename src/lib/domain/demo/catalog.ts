// The demo catalog: shops on several platforms, ~300 SKUs in six categories with valid EAN-13 barcodes,
// each shop's platform SKU ids mapped to our SKUs (商品配对), the eight couriers most sellers use, two
// warehouses and opening stock. A pure function of the seed, so every station builds the same catalog.
import type { Address, Catalog, Courier, Platform, Shop, Sku, SkuMapping, StockSeed, Warehouse } from '../schemas';
import { Rng, mixSeed } from './rng';

export type Category = 'apparel' | 'beauty' | 'home' | 'digital' | 'food' | 'baby';

interface Product {
  category: Category;
  name: string;
  /** Spec dimensions as [label, values]; every combination becomes one SKU. */
  dims: readonly (readonly [string, readonly string[]])[];
  /** Price range in yuan and weight range in grams. */
  price: readonly [number, number];
  grams: readonly [number, number];
}

const COLORS = ['白色', '黑色', '灰色', '藏青'];
const CATEGORY_ZONE: Record<Category, string> = { apparel: 'A', beauty: 'B', home: 'C', digital: 'D', food: 'E', baby: 'F' };

const PRODUCTS: readonly Product[] = [
  { category: 'apparel', name: '纯棉圆领短袖T恤', dims: [['颜色', COLORS], ['尺码', ['S', 'M', 'L', 'XL', 'XXL']]], price: [39, 69], grams: [180, 240] },
  { category: 'apparel', name: '加绒连帽卫衣', dims: [['颜色', ['黑色', '米白', '雾霾蓝']], ['尺码', ['M', 'L', 'XL', 'XXL']]], price: [89, 159], grams: [520, 680] },
  { category: 'apparel', name: '高腰阔腿牛仔裤', dims: [['颜色', ['浅蓝', '深蓝', '黑色']], ['尺码', ['25', '26', '27', '28', '29', '30']]], price: [79, 139], grams: [450, 600] },
  { category: 'apparel', name: '冰丝防晒衣', dims: [['颜色', ['白色', '浅粉', '薄荷绿']], ['尺码', ['M', 'L', 'XL']]], price: [49, 99], grams: [150, 220] },
  { category: 'apparel', name: '纯棉中筒袜 5双装', dims: [['颜色', ['黑色', '白色', '混色']]], price: [19, 35], grams: [120, 160] },
  { category: 'apparel', name: '轻薄羽绒马甲', dims: [['颜色', ['黑色', '卡其', '藏青']], ['尺码', ['M', 'L', 'XL', 'XXL']]], price: [129, 229], grams: [260, 340] },
  { category: 'apparel', name: '法式碎花连衣裙', dims: [['颜色', ['蓝色碎花', '黄色碎花', '黑色碎花']], ['尺码', ['S', 'M', 'L', 'XL']]], price: [99, 189], grams: [260, 340] },
  { category: 'apparel', name: '男士休闲五分短裤', dims: [['颜色', ['黑色', '卡其', '灰色']], ['尺码', ['M', 'L', 'XL', 'XXL', '3XL']]], price: [49, 89], grams: [220, 300] },
  { category: 'apparel', name: '男士纯棉内裤 3条装', dims: [['颜色', ['混色A', '混色B']], ['尺码', ['L', 'XL', 'XXL', '3XL']]], price: [39, 69], grams: [150, 200] },
  { category: 'apparel', name: '高腰提臀瑜伽裤', dims: [['颜色', ['黑色', '灰色', '雾霾紫', '牛油果绿']], ['尺码', ['S', 'M', 'L', 'XL']]], price: [59, 119], grams: [180, 240] },
  { category: 'beauty', name: '玻尿酸补水面膜 10片装', dims: [['规格', ['1盒', '2盒']]], price: [39, 89], grams: [260, 520] },
  { category: 'beauty', name: '氨基酸洗面奶 100g', dims: [['规格', ['单支', '两支装']]], price: [39, 79], grams: [130, 260] },
  { category: 'beauty', name: '持妆遮瑕粉底液 30ml', dims: [['色号', ['01象牙白', '02自然色', '03小麦色']]], price: [99, 199], grams: [90, 120] },
  { category: 'beauty', name: '丝绒雾面口红', dims: [['色号', ['#101正红', '#205豆沙', '#316枫叶红', '#888奶茶']]], price: [69, 139], grams: [40, 60] },
  { category: 'beauty', name: '清爽防晒霜 SPF50+ 50ml', dims: [['规格', ['单支', '两支装']]], price: [59, 119], grams: [80, 170] },
  { category: 'beauty', name: '温和卸妆湿巾 25片', dims: [['规格', ['1包', '3包']]], price: [15, 39], grams: [120, 360] },
  { category: 'beauty', name: '烟酰胺身体乳 250ml', dims: [['规格', ['单支', '两支装']]], price: [49, 99], grams: [300, 600] },
  { category: 'beauty', name: '修护精华液 30ml', dims: [['规格', ['正装', '正装+小样']]], price: [199, 399], grams: [120, 160] },
  { category: 'beauty', name: '九色大地色眼影盘', dims: [['色号', ['01奶茶', '02蜜桃', '03焦糖', '04玫瑰']]], price: [59, 129], grams: [80, 110] },
  { category: 'home', name: '加厚珊瑚绒毛毯', dims: [['颜色', ['灰色', '米色', '浅粉']], ['尺寸', ['100x150cm', '150x200cm', '200x230cm']]], price: [59, 159], grams: [800, 2200] },
  { category: 'home', name: '北欧风陶瓷马克杯 350ml', dims: [['颜色', ['奶白', '雾蓝', '墨绿', '焦糖']]], price: [25, 45], grams: [380, 450] },
  { category: 'home', name: '可折叠布艺收纳箱', dims: [['颜色', ['灰色', '米色']], ['尺寸', ['小号', '中号', '大号']]], price: [19, 59], grams: [300, 900] },
  { category: 'home', name: '硅藻泥吸水地垫', dims: [['花色', ['浅灰', '大理石纹', '北欧几何']], ['尺寸', ['40x60cm', '45x75cm']]], price: [29, 69], grams: [900, 1500] },
  { category: 'home', name: '316不锈钢保温杯 500ml', dims: [['颜色', ['白色', '黑色', '樱花粉', '雾霾蓝']]], price: [69, 129], grams: [330, 400] },
  { category: 'home', name: '慢回弹记忆棉枕头', dims: [['规格', ['标准款', '护颈款']]], price: [89, 199], grams: [1100, 1500] },
  { category: 'home', name: '原木浆抽纸', dims: [['规格', ['12包', '24包']]], price: [29, 59], grams: [1500, 3000] },
  { category: 'home', name: '纯棉床上用品四件套', dims: [['花色', ['简约灰', '奶油白', '小清新格', '北欧条纹']], ['尺寸', ['1.5m床', '1.8m床']]], price: [199, 399], grams: [2200, 2800] },
  { category: 'home', name: '厨房多层置物架', dims: [['层数', ['两层', '三层', '四层']], ['颜色', ['白色', '黑色']]], price: [49, 129], grams: [1800, 4200] },
  { category: 'digital', name: '20W PD快充充电器', dims: [['颜色', ['白色', '黑色']]], price: [29, 59], grams: [50, 70] },
  { category: 'digital', name: 'Type-C编织数据线', dims: [['颜色', ['白色', '黑色', '灰色']], ['长度', ['1米', '2米']]], price: [15, 39], grams: [40, 80] },
  { category: 'digital', name: '磁吸无线充电宝 10000mAh', dims: [['颜色', ['白色', '黑色', '薰衣草紫']]], price: [99, 169], grams: [210, 250] },
  { category: 'digital', name: '半入耳式蓝牙耳机', dims: [['颜色', ['白色', '黑色']]], price: [79, 199], grams: [90, 130] },
  { category: 'digital', name: '透明防摔手机壳', dims: [['适用机型', ['iPhone 15', 'iPhone 15 Pro', 'iPhone 16', 'iPhone 16 Pro', 'Mate 60', 'Redmi K70']]], price: [19, 39], grams: [30, 50] },
  { category: 'digital', name: '高清钢化膜 2片装', dims: [['适用机型', ['iPhone 15', 'iPhone 16', 'Mate 60', 'Redmi K70']]], price: [12, 29], grams: [40, 60] },
  { category: 'digital', name: '静音无线鼠标', dims: [['颜色', ['白色', '黑色', '粉色']]], price: [39, 79], grams: [70, 100] },
  { category: 'digital', name: '三模机械键盘', dims: [['颜色', ['白色', '黑色']], ['轴体', ['红轴', '茶轴', '青轴']]], price: [199, 349], grams: [900, 1100] },
  { category: 'digital', name: '车载磁吸手机支架', dims: [['款式', ['出风口款', '仪表台款']]], price: [29, 59], grams: [80, 150] },
  { category: 'digital', name: '65W氮化镓充电器', dims: [['颜色', ['白色', '黑色']]], price: [89, 149], grams: [110, 140] },
  { category: 'food', name: '每日坚果 25g×30包', dims: [['口味', ['混合装', '原味']]], price: [79, 129], grams: [850, 950] },
  { category: 'food', name: '手撕风干牛肉干 250g', dims: [['口味', ['原味', '香辣', '五香']]], price: [49, 89], grams: [280, 320] },
  { category: 'food', name: '柳州螺蛳粉 3袋装', dims: [['口味', ['原味', '加辣']]], price: [29, 49], grams: [1100, 1250] },
  { category: 'food', name: '冷萃挂耳咖啡 10g×20包', dims: [['风味', ['浓醇', '果酸']]], price: [39, 79], grams: [300, 350] },
  { category: 'food', name: '云南古树滇红茶 250g', dims: [['规格', ['罐装', '礼盒装']]], price: [69, 199], grams: [380, 900] },
  { category: 'food', name: '五常稻花香大米 5kg', dims: [['规格', ['1袋', '2袋']]], price: [59, 119], grams: [5100, 10200] },
  { category: 'food', name: '土蜂蜜 500g', dims: [['规格', ['单瓶', '两瓶装']]], price: [39, 79], grams: [650, 1300] },
  { category: 'food', name: '麻辣辣条 大礼包', dims: [['口味', ['经典麻辣', '甜辣', '混合装']]], price: [19, 39], grams: [400, 600] },
  { category: 'baby', name: '婴儿纸尿裤', dims: [['尺码', ['NB', 'S', 'M', 'L', 'XL']], ['包装', ['单包', '箱装']]], price: [69, 259], grams: [900, 4800] },
  { category: 'baby', name: '婴儿手口湿巾 80抽', dims: [['规格', ['1包', '6包']]], price: [9, 49], grams: [450, 2700] },
  { category: 'baby', name: '宝宝硅胶辅食碗', dims: [['颜色', ['奶油黄', '雾霾蓝', '樱花粉']]], price: [39, 69], grams: [200, 260] },
  { category: 'baby', name: '婴儿纯棉连体衣', dims: [['颜色', ['米白', '浅蓝', '浅粉']], ['尺码', ['59', '66', '73', '80', '90']]], price: [49, 89], grams: [120, 180] },
  { category: 'baby', name: '儿童吸管保温杯 400ml', dims: [['颜色', ['小恐龙', '小兔子', '小熊猫']]], price: [59, 99], grams: [280, 330] },
  { category: 'baby', name: '婴儿洗发沐浴露二合一', dims: [['规格', ['200ml', '400ml']]], price: [39, 69], grams: [250, 480] },
  { category: 'baby', name: '儿童软底学步鞋', dims: [['颜色', ['米白', '粉色', '蓝色']], ['尺码', ['13', '14', '15', '16', '17']]], price: [59, 109], grams: [250, 320] },
  { category: 'baby', name: '宝宝软毛牙刷', dims: [['阶段', ['0-1岁', '1-3岁', '3-6岁']]], price: [15, 29], grams: [30, 50] }
];

/** GS1 check digit for the first 12 digits of an EAN-13. */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

interface ShopPlan {
  id: string;
  platform: Platform;
  name: string;
  /** Sender name printed on waybills (寄件人). */
  sender: string;
  categories: readonly Category[];
  warehouse: 'hz' | 'gz';
  /** Share of all orders this shop brings. */
  weight: number;
}

export const DEMO_SHOPS: readonly ShopPlan[] = [
  { id: 'tb-xiaolu', platform: 'taobao', name: '小鹿家居生活馆', sender: '小鹿家居', categories: ['home', 'food'], warehouse: 'hz', weight: 16 },
  { id: 'tb-chaoyi', platform: 'taobao', name: '潮衣阁原创女装', sender: '潮衣阁', categories: ['apparel'], warehouse: 'hz', weight: 12 },
  { id: 'tm-yueji', platform: 'tmall', name: '悦己美妆旗舰店', sender: '悦己美妆', categories: ['beauty', 'baby'], warehouse: 'hz', weight: 12 },
  { id: 'pdd-haowu', platform: 'pdd', name: '好物百货优选', sender: '好物百货', categories: ['apparel', 'beauty', 'home', 'digital', 'food', 'baby'], warehouse: 'gz', weight: 20 },
  { id: 'pdd-baobei', platform: 'pdd', name: '贝贝母婴专营店', sender: '贝贝母婴', categories: ['baby', 'food'], warehouse: 'gz', weight: 10 },
  { id: 'jd-shuma', platform: 'jd', name: '极客数码专营店', sender: '极客数码', categories: ['digital', 'home'], warehouse: 'gz', weight: 8 },
  { id: 'dy-yanxuan', platform: 'douyin', name: '小鹿生活严选', sender: '小鹿严选', categories: ['apparel', 'beauty', 'food'], warehouse: 'hz', weight: 12 },
  { id: 'dy-zhibo', platform: 'douyin', name: '阿梅直播间', sender: '阿梅直播间', categories: ['beauty', 'food', 'home'], warehouse: 'gz', weight: 6 },
  { id: 'sp-lotus', platform: 'shopify', name: 'Lotus & Pine Goods', sender: 'Lotus & Pine', categories: ['home', 'apparel', 'digital'], warehouse: 'gz', weight: 4 }
];

const WAREHOUSE_ADDRESS: Record<'hz' | 'gz', Address> = {
  hz: { province: '浙江省', city: '杭州市', district: '余杭区', detail: '仓前街道良睦路1399号 3号仓库' },
  gz: { province: '广东省', city: '广州市', district: '白云区', detail: '太和镇广从七路628号 B栋2楼' }
};

export const DEMO_WAREHOUSES: readonly Warehouse[] = [
  { id: 'wh-hz', name: '杭州主仓', address: WAREHOUSE_ADDRESS.hz },
  { id: 'wh-gz', name: '广州分仓', address: WAREHOUSE_ADDRESS.gz }
];

/**
 * Tracking-number shapes, best effort from published examples: SF, YTO, J&T and JD carry a letter prefix;
 * ZTO, Yunda and STO are all-digit with lengths that have grown over the years; EMS is 13 digits domestic or
 * the UPU S10 form (EA123456789CN). Good enough to catch a mistyped scan, not an authority.
 */
export const DEMO_COURIERS: readonly Courier[] = [
  { id: 'sf', name: '顺丰', nameEn: 'SF Express', trackingPattern: '^SF\\d{12,13}$' },
  { id: 'zto', name: '中通', nameEn: 'ZTO Express', trackingPattern: '^7\\d{11,14}$' },
  { id: 'yto', name: '圆通', nameEn: 'YTO Express', trackingPattern: '^YT\\d{13}$' },
  { id: 'yd', name: '韵达', nameEn: 'Yunda Express', trackingPattern: '^\\d{13}$' },
  { id: 'sto', name: '申通', nameEn: 'STO Express', trackingPattern: '^\\d{12,15}$' },
  { id: 'jt', name: '极兔', nameEn: 'J&T Express', trackingPattern: '^JT\\d{13}$' },
  { id: 'jd', name: '京东', nameEn: 'JD Logistics', trackingPattern: '^JD[0-9A-Z]{11,13}$' },
  { id: 'ems', name: '邮政EMS', nameEn: 'China Post EMS', trackingPattern: '^(?:\\d{13}|[A-Z]{2}\\d{9}CN)$' }
];

/** A tracking number that matches the courier's pattern above. */
export function demoTrackingNo(rng: Rng, courierId: string): string {
  switch (courierId) {
    case 'sf':
      return 'SF' + rng.pick(['14', '15', '16']) + rng.digits(11);
    case 'zto':
      return '7' + rng.pick(['3', '5', '7', '8']) + rng.digits(12);
    case 'yto':
      return 'YT' + rng.pick(['22', '75', '88']) + rng.digits(11);
    case 'yd':
      return rng.pick(['31', '43', '46']) + rng.digits(11);
    case 'sto':
      return '77' + rng.digits(13);
    case 'jt':
      return 'JT' + rng.pick(['0', '3', '5']) + rng.digits(12);
    case 'jd':
      return 'JDV' + rng.pick(['A', 'B', 'C', 'D', 'E']) + rng.digits(11);
    case 'ems':
      return rng.chance(0.8) ? rng.pick(['10', '11', '98']) + rng.digits(11) : 'E' + rng.pick(['A', 'B', 'C', 'M']) + rng.digits(9) + 'CN';
    default:
      throw new Error(`no demo tracking numbers for courier ${courierId}`);
  }
}

/** Platform SKU ids in each platform's usual shape; `alt` picks a leading digit no mapped id uses. */
export function platformSkuId(rng: Rng, platform: Platform, alt = false): string {
  switch (platform) {
    case 'taobao':
    case 'tmall':
      return (alt ? '6' : '5') + rng.digits(12);
    case 'pdd':
      return (alt ? '2' : '1') + rng.digits(11);
    case 'jd':
      return (alt ? '2000' : '1000') + rng.digits(8);
    case 'douyin':
      return (alt ? '18' : '17') + rng.digits(14);
    case 'shopify':
      return (alt ? '45' : '44') + rng.digits(12);
    default:
      return (alt ? 'X' : 'P') + rng.digits(10);
  }
}

const roundPrice = (yuan: number): number => Math.max(1, Math.round(yuan)) * 100 - (yuan > 20 ? 10 : 0);

function buildSkus(rng: Rng): { skus: Sku[]; categoryOf: Category[] } {
  const skus: Sku[] = [];
  const categoryOf: Category[] = [];
  const companies = new Map<Category, string>();
  for (const p of PRODUCTS) {
    if (!companies.has(p.category)) companies.set(p.category, String(rng.int(10000, 99999)));
    const basePrice = rng.int(p.price[0], p.price[1]);
    const baseGrams = rng.int(p.grams[0], p.grams[1]);
    let combos: string[][] = [[]];
    for (const [label, values] of p.dims) combos = combos.flatMap((c) => values.map((v) => [...c, `${label}:${v}`]));
    const zone = CATEGORY_ZONE[p.category];
    const aisle = String(rng.int(1, 12)).padStart(2, '0');
    let slot = rng.int(1, 20);
    combos.forEach((combo, vi) => {
      const n = skus.length + 1;
      const first12 = '69' + companies.get(p.category) + String(n).padStart(5, '0');
      const barcodes = [first12 + ean13CheckDigit(first12)];
      if (rng.chance(0.05)) {
        const box = '69' + companies.get(p.category) + String(50000 + n).padStart(5, '0');
        barcodes.push(box + ean13CheckDigit(box));
      }
      const step = vi / Math.max(1, combos.length - 1);
      skus.push({
        code: `SKU-${10000 + n}`,
        barcodes,
        name: p.name,
        spec: combo.join(';'),
        weight: Math.round(baseGrams * (1 + 0.25 * step)),
        location: `${zone}-${aisle}-${String(slot++).padStart(2, '0')}`,
        price: roundPrice(basePrice * (1 + 0.2 * step))
      });
      categoryOf.push(p.category);
    });
  }
  return { skus, categoryOf };
}

export function generateCatalog(seed: number): Catalog {
  const rng = new Rng(mixSeed(seed, 0x0ca7a106));
  const { skus, categoryOf } = buildSkus(rng);
  const shops: Shop[] = DEMO_SHOPS.map((s) => ({
    id: s.id,
    platform: s.platform,
    name: s.name,
    warehouseId: `wh-${s.warehouse}`,
    sender: {
      name: s.sender,
      phone: '1' + rng.pick(['38', '39', '58', '86', '89']) + rng.digits(8),
      address: { ...WAREHOUSE_ADDRESS[s.warehouse] }
    }
  }));
  const skuMappings: SkuMapping[] = [];
  for (const s of DEMO_SHOPS) {
    const used = new Set<string>();
    const fresh = () => {
      let id = platformSkuId(rng, s.platform);
      while (used.has(id)) id = platformSkuId(rng, s.platform);
      used.add(id);
      return id;
    };
    skus.forEach((sku, i) => {
      if (!s.categories.includes(categoryOf[i]) || rng.chance(0.1)) return;
      skuMappings.push({ platform: s.platform, shopId: s.id, platformSku: fresh(), sku: sku.code, qty: 1 });
      if (rng.chance(0.03)) skuMappings.push({ platform: s.platform, shopId: s.id, platformSku: fresh(), sku: sku.code, qty: 2 });
    });
  }
  const stock: StockSeed[] = [];
  for (const sku of skus) {
    stock.push({ warehouseId: 'wh-hz', sku: sku.code, onHand: rng.int(20, 500) });
    stock.push({ warehouseId: 'wh-gz', sku: sku.code, onHand: rng.chance(0.1) ? 0 : rng.int(5, 200) });
  }
  return {
    shops,
    skus,
    skuMappings,
    couriers: DEMO_COURIERS.map((c) => ({ ...c })),
    warehouses: DEMO_WAREHOUSES.map((w) => ({ ...w, address: { ...w.address } })),
    stock
  };
}
