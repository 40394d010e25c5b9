import { describe, expect, it } from 'vitest';
import { normaliseAddress, parseAddress, provinceFullName } from './address';

const parts = (raw: string) => parseAddress(raw);

describe('splitting a combined address', () => {
  it('splits Taobao\'s "省 市 区 详细(邮编)" and reads the postcode', () => {
    expect(parts('浙江省 杭州市 西湖区 文三路100号 华星时代广场3楼(310012)')).toEqual({
      address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号 华星时代广场3楼', postcode: '310012' }
    });
  });

  it('splits an address written without spaces', () => {
    expect(parts('江苏省南京市鼓楼区中山北路1号').address).toEqual({ province: '江苏省', city: '南京市', district: '鼓楼区', detail: '中山北路1号' });
  });

  it('writes municipalities as 北京市 北京市 朝阳区 however they come', () => {
    const want = { province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路88号' };
    for (const raw of ['北京 北京市 朝阳区 建国路88号', '北京市朝阳区建国路88号', '北京市 市辖区 朝阳区 建国路88号', '北京北京市朝阳区建国路88号'])
      expect([raw, parts(raw)]).toEqual([raw, { address: want }]);
    expect(parts('重庆 重庆市 巫山县 广东中路1号').address).toMatchObject({ province: '重庆市', city: '重庆市', district: '巫山县' });
    expect(parts('上海 上海市 浦东新区 张江路1000弄').address).toMatchObject({ province: '上海市', city: '上海市', district: '浦东新区' });
  });

  it('knows the short forms of autonomous regions', () => {
    expect(parts('内蒙古 呼和浩特市 赛罕区 大学东街28号').address.province).toBe('内蒙古自治区');
    expect(parts('广西 南宁市 青秀区 民族大道').address.province).toBe('广西壮族自治区');
    expect(parts('新疆乌鲁木齐市天山区解放南路').address).toMatchObject({ province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区' });
    expect(parts('宁夏银川市兴庆区解放街').address.province).toBe('宁夏回族自治区');
    expect(parts('西藏拉萨市城关区北京中路').address.province).toBe('西藏自治区');
    expect(parts('广西省南宁市青秀区民族大道').address).toMatchObject({ province: '广西壮族自治区', city: '南宁市', detail: '民族大道' });
  });

  it('puts county-level cities directly under a province in the city position with no district', () => {
    expect(parts('湖北省 仙桃市 郑场镇 新街12号')).toEqual({ address: { province: '湖北省', city: '仙桃市', district: '', detail: '郑场镇 新街12号' } });
    expect(parts('湖北 潜江市 园林街道').address).toMatchObject({ province: '湖北省', city: '潜江市' });
  });

  it('uses towns where a city has no districts (Dongguan)', () => {
    expect(parts('广东省东莞市虎门镇连升路8号').address).toEqual({ province: '广东省', city: '东莞市', district: '虎门镇', detail: '连升路8号' });
  });

  it('knows autonomous prefectures by their short names', () => {
    expect(parts('湖北 恩施 利川市 都亭街道').address).toMatchObject({ city: '恩施土家族苗族自治州', district: '利川市' });
    expect(parts('新疆 阿克苏 库车市 天山路').address).toMatchObject({ city: '阿克苏地区', district: '库车市' });
  });

  it('infers the province from a city that is unique in the country', () => {
    expect(parts('杭州市西湖区文三路100号').address).toEqual({ province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号' });
  });

  it('does not take a street or an ambiguous district for a city', () => {
    expect(parts('江苏省南京路100号')).toMatchObject({ address: { province: '江苏省', city: '' }, unresolved: 'city' });
    expect(parts('浙江杭州西湖区文三路').address).toMatchObject({ city: '杭州市', district: '西湖区' });
    expect(parts('朝阳区建国路88号').unresolved).toBe('province');
  });

  it('normalises full-width digits in the detail', () => {
    expect(parts('浙江省 杭州市 西湖区 文三路１００号').address.detail).toBe('文三路100号');
  });

  it('trusts a short district name only before a space, and flags the district otherwise', () => {
    expect(parts('浙江 杭州 西湖 文三路100号').address).toMatchObject({ city: '杭州市', district: '西湖区', detail: '文三路100号' });
    const r = parts('浙江省杭州市西湖文化广场1号');
    expect(r).toEqual({ address: { province: '浙江省', city: '杭州市', district: '', detail: '西湖文化广场1号' }, unresolved: 'district' });
  });

  it('keeps an address it cannot resolve as written and says which level failed', () => {
    expect(parts('火星 奥林匹斯山 1号')).toEqual({ address: { province: '', city: '', district: '', detail: '火星 奥林匹斯山 1号' }, unresolved: 'province' });
    expect(parts('浙江省 某某市 某路').unresolved).toBe('city');
  });

  it('knows Hong Kong, Macao and Taiwan', () => {
    expect(parts('香港特别行政区 九龙 油尖旺区 弥敦道100号').address).toMatchObject({ province: '香港特别行政区', city: '九龙', district: '油尖旺区' });
    expect(provinceFullName('台湾')).toBe('台湾省');
  });
});

describe('normalising split columns', () => {
  it('turns short forms into full names', () => {
    expect(normaliseAddress({ province: '广西', city: '南宁', district: '青秀', detail: '民族大道136号' })).toEqual({
      address: { province: '广西壮族自治区', city: '南宁市', district: '青秀区', detail: '民族大道136号' }
    });
  });

  it('writes a municipality\'s city the way platforms do, whatever the column says', () => {
    for (const city of ['北京市', '北京', '市辖区', ''])
      expect(normaliseAddress({ province: '北京', city, district: '朝阳区', detail: 'x' }).address).toMatchObject({ province: '北京市', city: '北京市', district: '朝阳区' });
  });

  it('drops a detail that repeats the province, city and district', () => {
    expect(normaliseAddress({ province: '浙江省', city: '杭州市', district: '西湖区', detail: '浙江省杭州市西湖区文三路100号' }).address.detail).toBe('文三路100号');
  });

  it('takes a missing district from the start of the detail', () => {
    expect(normaliseAddress({ province: '浙江省', city: '杭州市', district: '', detail: '西湖区文三路100号' }).address).toMatchObject({ district: '西湖区', detail: '文三路100号' });
  });

  it('reads pinyin province names that international shops write', () => {
    expect(normaliseAddress({ province: 'Zhejiang', city: '杭州市', district: '西湖区', detail: 'x' }).address.province).toBe('浙江省');
    expect(provinceFullName('Inner Mongolia')).toBe('内蒙古自治区');
  });

  it('keeps an unknown district as written and flags it', () => {
    expect(normaliseAddress({ province: '浙江省', city: '杭州市', district: '未来区', detail: 'x' })).toEqual({
      address: { province: '浙江省', city: '杭州市', district: '未来区', detail: 'x' },
      unresolved: 'district'
    });
  });

  it('parses the detail when no split column is filled', () => {
    expect(normaliseAddress({ province: '', city: '', district: '', detail: '江苏省南京市鼓楼区中山北路1号' }).address.city).toBe('南京市');
  });
});
