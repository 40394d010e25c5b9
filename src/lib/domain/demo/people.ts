// Demo people and the text they type: recipient names (common surnames weighted by frequency), phones in
// the forms platforms export them (full, masked 138****1234, privacy numbers with an extension), buyer
// nicknames, street addresses below the district, buyer messages and seller memos.
import type { Platform } from '../schemas';
import { CITY_ROADS, COMMON_ROADS, COMMUNITY_HEADS, COMMUNITY_TAILS, OFFICE_NAMES, TOWNS, VILLAGES } from './china-divisions';
import { Rng, Weighted } from './rng';

const SURNAMES_TEXT =
  '王Wang 李Li 张Zhang 刘Liu 陈Chen 杨Yang 黄Huang 赵Zhao 吴Wu 周Zhou 徐Xu 孙Sun 马Ma 朱Zhu 胡Hu 郭Guo 何He 林Lin ' +
  '高Gao 罗Luo 郑Zheng 梁Liang 谢Xie 宋Song 唐Tang 许Xu 韩Han 冯Feng 邓Deng 曹Cao 彭Peng 曾Zeng 肖Xiao 田Tian 董Dong ' +
  '潘Pan 袁Yuan 蔡Cai 蒋Jiang 余Yu 于Yu 杜Du 叶Ye 程Cheng 魏Wei 苏Su 吕Lv 丁Ding 任Ren 卢Lu 姚Yao 沈Shen 钟Zhong ' +
  '姜Jiang 崔Cui 谭Tan 陆Lu 范Fan 汪Wang 廖Liao 石Shi 金Jin 韦Wei 贾Jia 夏Xia 付Fu 方Fang 邹Zou 熊Xiong 白Bai 孟Meng ' +
  '秦Qin 邱Qiu 侯Hou 江Jiang 尹Yin 薛Xue 闫Yan 段Duan 雷Lei 龙Long 黎Li 史Shi 陶Tao 贺He 毛Mao 郝Hao 顾Gu 龚Gong ' +
  '邵Shao 万Wan 覃Qin 武Wu 钱Qian 戴Dai 严Yan 莫Mo 孔Kong 向Xiang 常Chang 汤Tang 欧阳Ouyang 上官Shangguan 司马Sima 诸葛Zhuge';

const GIVEN_TEXT =
  '伟Wei 芳Fang 娜Na 敏Min 静Jing 丽Li 强Qiang 磊Lei 军Jun 洋Yang 勇Yong 艳Yan 杰Jie 娟Juan 涛Tao 明Ming 超Chao ' +
  '秀兰Xiulan 霞Xia 平Ping 刚Gang 桂英Guiying 子涵Zihan 浩然Haoran 梓萱Zixuan 欣怡Xinyi 宇轩Yuxuan 诗涵Shihan 一诺Yinuo ' +
  '思远Siyuan 佳怡Jiayi 俊杰Junjie 晓燕Xiaoyan 建华Jianhua 志强Zhiqiang 雨桐Yutong 梦瑶Mengyao 嘉豪Jiahao 文博Wenbo ' +
  '婷婷Tingting 晨曦Chenxi 丹Dan 鹏Peng 辉Hui 玲Ling 慧Hui 博文Bowen 子轩Zixuan 海燕Haiyan 红梅Hongmei 建国Jianguo ' +
  '立新Lixin 春花Chunhua 晓明Xiaoming 雪Xue 琳Lin 倩Qian 颖Ying 凯Kai 斌Bin 峰Feng 宇Yu 浩Hao 帆Fan 瑶Yao 思琪Siqi ' +
  '雅琪Yaqi 家乐Jiale 天佑Tianyou 明轩Mingxuan 若曦Ruoxi 依依Yiyi 可馨Kexin 文静Wenjing 美玲Meiling 国强Guoqiang ' +
  '小红Xiaohong 秀英Xiuying 玉兰Yulan 金凤Jinfeng 志伟Zhiwei 丽娟Lijuan 海涛Haitao 雨欣Yuxin 嘉怡Jiayi 梓豪Zihao';

type Name = readonly [zh: string, en: string];
const parseNames = (text: string): Name[] => text.split(' ').map((t) => [t.replace(/[A-Za-z]/g, ''), t.replace(/[^A-Za-z]/g, '')] as const);

/** Listed by frequency; the weight falls off with rank (Zipf-like), as surname statistics do. */
const SURNAMES = new Weighted(parseNames(SURNAMES_TEXT).map((n, rank) => [n, 10 / (rank + 3)] as const));
const GIVEN = parseNames(GIVEN_TEXT);

export interface PersonName {
  zh: string;
  /** Pinyin, given name first, as English-language storefronts show it. */
  en: string;
}

export function personName(rng: Rng): PersonName {
  const [sz, se] = SURNAMES.pick(rng);
  const [gz, ge] = rng.pick(GIVEN);
  return { zh: sz + gz, en: `${ge} ${se}` };
}

/** PDD and some Taobao exports hide all but the surname. */
export const maskName = (zh: string): string => zh[0] + '*'.repeat(Math.max(1, zh.length - 1));

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189',
  '191', '195', '198', '199'
];
const PRIVACY_PREFIXES = ['170', '171', '162', '165', '167'];

export const mobile = (rng: Rng): string => rng.pick(MOBILE_PREFIXES) + rng.digits(8);

type PhoneForm = 'full' | 'masked' | 'privacy';
const PHONE_FORMS: Partial<Record<Platform, Weighted<PhoneForm>>> = {
  taobao: new Weighted([['masked', 70], ['full', 15], ['privacy', 15]]),
  tmall: new Weighted([['masked', 70], ['full', 15], ['privacy', 15]]),
  pdd: new Weighted([['masked', 50], ['privacy', 45], ['full', 5]]),
  jd: new Weighted([['masked', 60], ['full', 40]]),
  douyin: new Weighted([['masked', 60], ['privacy', 30], ['full', 10]])
};

/** The recipient phone as the platform's export carries it. */
export function platformPhone(rng: Rng, platform: Platform): string {
  const form = PHONE_FORMS[platform]?.pick(rng) ?? 'full';
  if (form === 'full') return mobile(rng);
  if (form === 'masked') return rng.pick(MOBILE_PREFIXES) + '****' + rng.digits(4);
  const ext = rng.digits(4);
  return rng.pick(PRIVACY_PREFIXES) + rng.digits(8) + (rng.chance(0.7) ? '-' + ext : '转' + ext);
}

const NICK_HEADS = ['快乐的', '爱吃鱼的', '努力的', '安静的', '会飞的', '不吃香菜的', '早睡的', '温柔的'];
const NICK_TAILS = ['小熊', '猫咪', '橘子', '兔子', '土豆', '星星', '小鹿', '阿福', '饼干', '奶茶'];

export function buyerNick(rng: Rng, platform: Platform, name: PersonName): string {
  switch (platform) {
    case 'taobao':
    case 'tmall':
      return rng.chance(0.4) ? 'tb' + rng.digits(10) : rng.pick(NICK_HEADS) + rng.pick(NICK_TAILS) + rng.digits(rng.int(0, 4));
    case 'pdd':
      return 'pdd' + rng.digits(11);
    case 'jd':
      return 'jd_' + rng.int(0x10000000, 0x7fffffff).toString(16) + rng.digits(2);
    case 'douyin':
      return rng.chance(0.5) ? '用户' + rng.digits(10) : rng.pick(NICK_TAILS) + rng.pick(NICK_TAILS) + rng.digits(3);
    case 'shopify': {
      const [first, last] = name.en.toLowerCase().split(' ');
      return `${first}.${last}${rng.digits(2)}@example.com`;
    }
    default:
      return name.zh;
  }
}

const community = (rng: Rng): string => rng.pick(COMMUNITY_HEADS) + rng.pick(COMMUNITY_TAILS);
const room = (rng: Rng): string => `${rng.int(1, 32)}${String(rng.int(1, 4)).padStart(2, '0')}`;
const DROP_OFF = ['（放菜鸟驿站）', '（快递放门卫）', '（丰巢柜）', '（前台代收）'];

/** The address line below the district: roads and house numbers, estates, offices or villages. */
export function addressDetail(rng: Rng, city: string, district: string): string {
  const local = CITY_ROADS[city];
  const road = local && rng.chance(0.5) ? rng.pick(local) : rng.pick(COMMON_ROADS);
  const no = rng.int(1, 1999);
  const rural = (district.endsWith('县') || district.endsWith('镇')) && rng.chance(0.3);
  let detail: string;
  if (rural) detail = `${rng.pick(TOWNS)}${rng.pick(VILLAGES)}${rng.int(1, 12)}组${rng.int(1, 120)}号`;
  else {
    const form = rng.int(0, 9);
    if (form < 4) detail = `${road}${no}号${community(rng)}${rng.int(1, 30)}幢${rng.int(1, 4)}单元${room(rng)}室`;
    else if (form < 6) detail = `${road}${no}号 ${rng.int(1, 20)}幢 ${room(rng)}室`;
    else if (form < 8) detail = `${community(rng)}${rng.int(1, 40)}栋${room(rng)}`;
    else detail = `${road}${no}号${rng.pick(['', '恒隆', '万达', '华润', '星光'])}${rng.pick(OFFICE_NAMES)}${rng.pick(['A', 'B', 'C'])}座${rng.int(2, 30)}楼`;
  }
  return rng.chance(0.05) ? detail + rng.pick(DROP_OFF) : detail;
}

export const BUYER_MESSAGES = [
  '请尽快发货', '不要放发票', '送人的，别放价格单', '发顺丰，邮费我补', '周末不在家，请放驿站', '麻烦包装好一点，易碎',
  '能今天发吗？急用', '颜色要和图片一样的', '请帮忙检查一下有没有瑕疵', '不要打电话，放门口就行', '生日礼物，帮忙写个贺卡：生日快乐',
  '尺码换成大一号的可以吗', '多送点小样谢谢', '发韵达，别的快递到不了'
];

export const SELLER_MEMOS = [
  '老客户，送小样x2', 'VIP客户优先发', '已改地址，以备注为准', '补发：上次少发一件', '赠品：随机小礼物', '顾客要求发顺丰，已补运费',
  '换货单，需回收旧件', '[红旗] 加急', '已联系确认尺码', '直播间福利款'
];
