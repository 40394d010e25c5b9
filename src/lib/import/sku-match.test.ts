import { describe, expect, it } from 'vitest';
import { SkuMatcher, normaliseId, specValues, type MatchableSku } from './sku-match';

const sku = (code: string, name: string, spec: string, barcodes: string[] = []): MatchableSku => ({ code, name, spec, barcodes });

const CATALOG: MatchableSku[] = [
  sku('TEE-WH-L', '纯棉圆领短袖T恤', '颜色:白色;尺码:L', ['6901234567892']),
  sku('TEE-WH-XL', '纯棉圆领短袖T恤', '颜色:白色;尺码:XL'),
  sku('TEE-BK-L', '纯棉圆领短袖T恤', '颜色:黑色;尺码:L'),
  sku('CUP-500-PK', '316不锈钢保温杯 500ml', '樱花粉'),
  sku('CUP-500-WH', '316不锈钢保温杯 500ml', '白色'),
  sku('FERN-A4', 'Botanical Fern Print', 'A4')
];

describe('SKU suggestions', () => {
  const m = new SkuMatcher(CATALOG);

  it('an outer id equal to our code once width, case and separators are normalised is an exact suggestion', () => {
    const [best] = m.suggest({ platformSku: 'ｔｅｅ_wh l', title: '', spec: '' });
    expect(best).toMatchObject({ sku: 'TEE-WH-L', score: 1, why: 'outer-id' });
    expect(normaliseId('ＦＥＲＮ－ａ４')).toBe(normaliseId('fern.a4'));
  });

  it('a platform SKU that is one of our barcodes suggests that SKU', () => {
    const [best] = m.suggest({ platformSku: '6901234567892', title: '随便什么标题', spec: '' });
    expect(best).toMatchObject({ sku: 'TEE-WH-L', why: 'barcode', score: 1 });
  });

  it('labelled and bare spec values are the same values', () => {
    expect(specValues('颜色分类：白色;尺码:L')).toEqual(['白色', 'l']);
    expect(specValues('白色 L')).toEqual(['白色', 'l']);
    expect(specValues('白色XL')).toEqual(['白色', 'xl']);
  });

  it('title and spec pick the right variant: L is not XL, and a padded title still matches', () => {
    const [best, second] = m.suggest({ platformSku: '3021234567', title: '【顺丰包邮】纯棉圆领短袖Ｔ恤 男女同款', spec: '颜色分类:白色;尺码:L' });
    expect(best).toMatchObject({ sku: 'TEE-WH-L', why: 'title-spec' });
    expect(best.score).toBeGreaterThan(0.75);
    expect(second.score).toBeLessThan(best.score);
    const [xl] = m.suggest({ platformSku: '', title: '纯棉圆领短袖T恤', spec: '白色 XL' });
    expect(xl.sku).toBe('TEE-WH-XL');
    const [pink] = m.suggest({ platformSku: '', title: '316不锈钢保温杯500ML 樱花粉', spec: '' });
    expect(pink.sku).toBe('CUP-500-PK');
  });

  it('English titles match case-blind; an unrelated title gets no suggestion', () => {
    expect(m.suggest({ platformSku: 'x-1', title: 'botanical fern print - A4', spec: '' })[0]).toMatchObject({ sku: 'FERN-A4', why: 'title-spec' });
    expect(m.suggest({ platformSku: 'x-2', title: '婴儿纸尿裤', spec: 'XL' })).toEqual([]);
  });

  it('two items that merely both lack a spec are not alike', () => {
    const shop = new SkuMatcher([sku('TOTE-CANVAS', 'Canvas Tote Bag (natural)', '米色'), sku('MUG-SPK', 'Speckled Stoneware Mug', '')]);
    const list = shop.suggest({ platformSku: 'TOTE-1', title: 'Canvas Tote Bag', spec: '' });
    expect(list.map((s) => s.sku)).toEqual(['TOTE-CANVAS']);
    expect(shop.suggest({ platformSku: 'MUG-1', title: 'Speckled Mug', spec: '' })[0].sku).toBe('MUG-SPK');
  });

  it('an exact id comes first and title matches fill the rest without repeating it', () => {
    const list = m.suggest({ platformSku: 'TEE-BK-L', title: '纯棉圆领短袖T恤', spec: '黑色 L' }, 3);
    expect(list[0]).toMatchObject({ sku: 'TEE-BK-L', why: 'outer-id' });
    expect(new Set(list.map((s) => s.sku)).size).toBe(list.length);
  });

  it('5,000 unmapped items against 10,000 SKUs stay fast', () => {
    const words = '纯棉 圆领 短袖 连帽 卫衣 牛仔 阔腿 防晒 羽绒 马甲 保温 杯子 陶瓷 马克 收纳 地垫 枕头 抽纸 数据 充电 耳机 鼠标 键盘 支架 坚果 牛肉 咖啡 红茶 大米 蜂蜜'.split(' ');
    const colors = ['白色', '黑色', '灰色', '藏青', '米白', '浅蓝', '樱花粉', '雾霾蓝'];
    const sizes = ['S', 'M', 'L', 'XL', 'XXL'];
    const skus: MatchableSku[] = [];
    for (let p = 0; skus.length < 10_000; p++) {
      const name = `${words[p % 30]}${words[(p * 7 + 3) % 30]}${words[(p * 13 + 5) % 30]} ${p}号`;
      for (const c of colors) for (const s of sizes) if (skus.length < 10_000) skus.push(sku(`P${p}-${c}-${s}`, name, `颜色:${c};尺码:${s}`, [`69${String(skus.length).padStart(11, '0')}`]));
    }
    const t0 = performance.now();
    const matcher = new SkuMatcher(skus);
    const built = performance.now() - t0;
    let right = 0;
    for (let i = 0; i < 5000; i++) {
      const target = skus[(i * 37) % skus.length];
      const [c, s] = target.spec.replace(/[^;]*:/g, '').split(';');
      const best = matcher.suggest({ platformSku: `9${i}`, title: `【包邮】${target.name.replace(' ', '')}`, spec: `${c} ${s}` }, 3)[0];
      if (best?.sku === target.code) right++;
    }
    const ms = performance.now() - t0;
    console.info(`sku-match: 5,000 items x 10,000 SKUs: index ${built.toFixed(0)} ms, total ${ms.toFixed(0)} ms`);
    expect(right).toBe(5000);
    expect(ms).toBeLessThan(8000);
  });
});
