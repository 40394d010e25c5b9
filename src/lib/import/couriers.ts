// Courier names as each platform writes them, for bulk-ship files out and courier columns in. The ids are the
// catalog's (sf, zto, yto, yd, sto, jt, jd, ems). None of these tables could be checked against a platform's
// published list: they are the companies' common Chinese trade names as sellers see them in each back office
// (PDD's export shows e.g. 申通快递) and Shopify's English carrier names; an unknown name on import leaves the
// courier unset and flags the order. Quirks are data: add a spelling to ALIASES, not a branch.
import type { Platform } from '../domain/schemas';

export const COURIER_IDS = ['sf', 'zto', 'yto', 'yd', 'sto', 'jt', 'jd', 'ems'] as const;
export type CourierId = (typeof COURIER_IDS)[number];

const CN_TRADE: Record<CourierId, string> = {
  sf: '顺丰速运',
  zto: '中通快递',
  yto: '圆通速递',
  yd: '韵达快递',
  sto: '申通快递',
  jt: '极兔速递',
  jd: '京东快递',
  ems: 'EMS'
};

/** Assumed per platform; see the module comment. */
export const PLATFORM_COURIER_NAMES: Record<Platform, Record<CourierId, string>> = {
  taobao: CN_TRADE,
  tmall: CN_TRADE,
  pdd: { sf: '顺丰快递', zto: '中通快递', yto: '圆通快递', yd: '韵达快递', sto: '申通快递', jt: '极兔速递', jd: '京东快递', ems: '邮政EMS' },
  jd: { sf: '顺丰快递', zto: '中通快递', yto: '圆通快递', yd: '韵达快递', sto: '申通快递', jt: '极兔速递', jd: '京东快递', ems: 'EMS' },
  douyin: { ...CN_TRADE, ems: '邮政EMS' },
  kuaishou: { ...CN_TRADE, ems: '邮政EMS' },
  wechat: { ...CN_TRADE, ems: '邮政EMS' },
  shopify: { sf: 'SF Express', zto: 'ZTO Express', yto: 'YTO Express', yd: 'Yunda Express', sto: 'STO Express', jt: 'J&T Express', jd: 'JD Logistics', ems: 'China EMS' },
  amazon: { sf: 'SF Express', zto: 'ZTO Express', yto: 'YTO Express', yd: 'Yunda Express', sto: 'STO Express', jt: 'J&T Express', jd: 'JD Logistics', ems: 'China EMS' },
  generic: { sf: '顺丰', zto: '中通', yto: '圆通', yd: '韵达', sto: '申通', jt: '极兔', jd: '京东', ems: '邮政EMS' }
};

const ALIASES: Record<CourierId, readonly string[]> = {
  sf: ['顺丰', '顺丰速运', '顺丰快递', '顺丰速递', 'SF', 'SF Express', 'shunfeng', 'SFEXPRESS'],
  zto: ['中通', '中通快递', '中通速递', 'ZTO', 'ZTO Express', 'zhongtong'],
  yto: ['圆通', '圆通速递', '圆通快递', 'YTO', 'YTO Express', 'yuantong'],
  yd: ['韵达', '韵达快递', '韵达速递', 'Yunda', 'Yunda Express', 'YD', 'yunda'],
  sto: ['申通', '申通快递', '申通速递', 'STO', 'STO Express', 'shentong'],
  jt: ['极兔', '极兔速递', '极兔快递', 'J&T', 'J&T Express', 'JT', 'jtexpress'],
  jd: ['京东', '京东快递', '京东物流', '京东配送', 'JD', 'JD Logistics', 'jingdong'],
  ems: ['EMS', '邮政EMS', '中国邮政EMS', 'EMS经济快递', 'China EMS', 'ems']
};

const norm = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

let reverse: Map<string, CourierId> | undefined;

/** The catalog courier id for a courier name in any platform's spelling, or undefined. */
export function courierIdFromName(name: string): CourierId | undefined {
  if (!reverse) {
    reverse = new Map();
    for (const id of COURIER_IDS) {
      for (const a of ALIASES[id]) reverse.set(norm(a), id);
      for (const names of Object.values(PLATFORM_COURIER_NAMES)) reverse.set(norm(names[id]), id);
    }
  }
  return reverse.get(norm(name));
}

export function courierName(platform: Platform, courierId: string): string | undefined {
  return (PLATFORM_COURIER_NAMES[platform] as Record<string, string>)[courierId];
}
