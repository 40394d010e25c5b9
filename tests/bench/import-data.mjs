// Node side of the bench's import/export section (`npm run bench -- --import-only`). Vite's module runner loads
// the TypeScript sources so the files and the figures come from
// the same code the app ships.
//
// writeImportFiles: the 100,000-order export files the browser part drops on the Import page — Packdesk's
// generic CSV (UTF-8, a row per order line, ~250k rows) and, optionally, a Taobao 订单报表 + 宝贝报表 pair
// (GBK, ="…" and tab guards, combined addresses). tests/fixtures/import/bench-import.mjs reuses it for a library-only figure.
//
// measureExport: the library-only export figure (the in-app one clicks the list's Export menu). It times,
// in Node: 100k demo orders (each given a courier and tracking number, i.e. shipped) ->
// orderListRows -> exportList({format: 'csv-utf8'}) from src/lib/import/export.ts, plus the GBK variant and a
// Taobao bulk-ship file as details. Not a browser figure: no worker, no storage read, no download.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'vite';

async function withVite(root, fn) {
  const server = await createServer({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  try {
    return await fn((p) => server.ssrLoadModule(p));
  } finally {
    await server.close();
  }
}

/**
 * Writes `<dir>/generic-<n>.csv` and, with `taobao`, `<dir>/ExportOrderList<n>.csv` + `<dir>/ExportOrderDetailList<n>.csv`.
 * Returns { orders, lineRows, generic: {path, bytes}, taobao: [{path, bytes}, …] | null, ms }.
 */
export async function writeImportFiles(root, dir, { orders: N = 100_000, taobao = false } = {}) {
  return withVite(root, async (load) => {
    const t0 = performance.now();
    const { toDelimited } = await load('/src/lib/import/delimited.ts');
    const { encodeGbk } = await load('/src/lib/import/gbk.ts');
    const places = [
      ['浙江省', '杭州市', '西湖区'], ['北京市', '北京市', '朝阳区'], ['上海市', '上海市', '浦东新区'], ['广东省', '深圳市', '南山区'],
      ['广东省', '东莞市', '虎门镇'], ['江苏省', '苏州市', '姑苏区'], ['湖北省', '仙桃市', ''], ['四川省', '成都市', '武侯区'],
      ['广西壮族自治区', '南宁市', '青秀区'], ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'], ['山东省', '青岛市', '市南区'], ['河南省', '郑州市', '金水区']
    ];
    const short = { 广西壮族自治区: '广西', 新疆维吾尔自治区: '新疆', 北京市: '北京', 上海市: '上海' };
    const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇'];
    const titles = ['纯棉圆领短袖T恤', '北欧陶瓷马克杯 带盖', '加厚珊瑚绒毛毯', '儿童保温水杯', '无线蓝牙耳机', '保湿面霜50ml'];
    const linesPer = [1, 2, 3, 2, 4, 3];
    const wall = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const tStart = Date.UTC(2025, 10, 1);

    const generic = [['订单号', '收件人', '手机', '省', '市', '区', '详细地址', '商家编码', '商品名称', '规格', '数量', '单价', '运费', '实付', '付款时间', '买家留言', '卖家备注']];
    const tbOrders = taobao ? [['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言', '收货人姓名', '收货地址 ', '联系手机', '订单创建时间', '订单付款时间 ', '宝贝标题 ', '宝贝总数量', '订单备注', '店铺名称']] : null;
    const tbItems = taobao ? [['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注', '订单状态', '商家编码']] : null;
    let lineRows = 0;
    for (let i = 0; i < N; i++) {
      const no = String(3_000_000_000_000_000_000n + BigInt(i) * 7919n);
      const [p, c, d] = places[i % places.length];
      const name = names[i % names.length];
      const phone = i % 5 === 0 ? '138****' + String(1000 + (i % 9000)) : '13' + String(800000000 + i).padStart(9, '0');
      const detail = `文三路${(i % 900) + 1}号 ${(i % 30) + 1}幢${(i % 20) + 1}0${(i % 9) + 1}室`;
      const paidAt = wall(tStart + i * 20_000);
      const n = linesPer[i % linesPer.length];
      let goods = 0;
      for (let k = 0; k < n; k++) {
        const price = 1990 + ((i + k) % 50) * 100;
        const qty = 1 + ((i + k) % 3);
        goods += price * qty;
        const title = titles[(i + k) % titles.length];
        const sku = `SKU-${10000 + ((i + k) % 300)}`;
        generic.push([no, name, phone, p, c, d, detail, sku, title, '颜色分类:白色;尺码:L', String(qty), (price / 100).toFixed(2), '0.00', '', paidAt, i % 7 === 0 ? '请发顺丰，谢谢' : '', '']);
        tbItems?.push([`="${no}"`, title, (price / 100).toFixed(2), String(qty), '', '颜色分类:白色;尺码:L', '', '', '买家已付款，等待卖家发货', sku]);
        lineRows++;
      }
      generic[generic.length - 1][13] = (goods / 100).toFixed(2);
      const yuan = (goods / 100).toFixed(2);
      tbOrders?.push([`="${no}"`, `tb_${i}`, yuan, '0.00', yuan, yuan, '买家已付款，等待卖家发货', '', name, `${short[p] ?? p} ${c} ${d ? d + ' ' : ''}${detail}(000000)`, `\t${phone}`, paidAt, paidAt, titles[i % titles.length], String(n), '', '小鹿家居生活馆']);
    }
    // 实付 on every line of an order (the generic format repeats order fields per line).
    for (let i = generic.length - 2; i > 0; i--) if (generic[i][0] === generic[i + 1][0]) generic[i][13] = generic[i + 1][13];

    const out = { orders: N, lineRows, generic: null, taobao: null };
    const write = (name, bytes) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return { path, name, bytes: bytes.length };
    };
    out.generic = write(`generic-${N}.csv`, new TextEncoder().encode(toDelimited(generic)));
    generic.length = 0;
    if (taobao) out.taobao = [write(`ExportOrderList${N}.csv`, encodeGbk(toDelimited(tbOrders)).bytes), write(`ExportOrderDetailList${N}.csv`, encodeGbk(toDelimited(tbItems)).bytes)];
    out.ms = Math.round(performance.now() - t0);
    return out;
  });
}

/** Times exportList (CSV) on n shipped demo orders in Node. See the module comment for what this is and is not. */
export async function measureExport(root, { orders: N = 100_000, runs = 3 } = {}) {
  return withVite(root, async (load) => {
    const { generateCatalog, createDemoContext, demoOrders } = await load('/src/lib/domain/demo/generate.ts');
    const { exportList, orderListRows, bulkShipFile, ORDER_LIST_HEADERS } = await load('/src/lib/import/export.ts');
    const cat = generateCatalog(1);
    const now = Date.UTC(2026, 0, 15) - 8 * 3600_000;
    const t0 = performance.now();
    const orders = demoOrders(createDemoContext({ seed: 1, catalog: cat, now }), 0, N);
    const genMs = performance.now() - t0;
    // Shipments: every order shipped. Demo orders carry a courier and tracking number on ~10%; the rest get
    // a ZTO-like 15-digit number (long digits take exportList's tab-guard path, as real tracking numbers do).
    let hadTracking = 0;
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i];
      if (o.trackingNo) hadTracking++;
      else {
        o.courierId = o.platform === 'jd' ? 'jd' : 'zto';
        o.trackingNo = o.platform === 'jd' ? `JD${String(1e12 + i).padStart(13, '0')}` : String(780_000_000_000_000 + i * 13);
      }
    }
    const time = (fn) => {
      const t = performance.now();
      const r = fn();
      return { ms: performance.now() - t, r };
    };
    const samples = { rowsMs: [], csvUtf8Ms: [], totalUtf8Ms: [], csvGbkMs: [], bulkShipTaobaoMs: [] };
    let bytes = { utf8: 0, gbk: 0, bulkShip: 0 };
    for (let k = 0; k < runs; k++) {
      const rows = time(() => orderListRows(orders));
      const utf8 = time(() => exportList({ headers: ORDER_LIST_HEADERS, rows: rows.r, format: 'csv-utf8', baseName: 'shipments' }));
      const gbk = time(() => exportList({ headers: ORDER_LIST_HEADERS, rows: rows.r, format: 'csv-gbk', baseName: 'shipments' }));
      const ship = time(() =>
        bulkShipFile({ platform: 'taobao', shipDate: now, records: orders.map((o) => ({ orderNo: o.orderNo, courierId: o.courierId === 'jd' ? 'zto' : o.courierId, trackingNo: o.trackingNo })) })
      );
      samples.rowsMs.push(rows.ms);
      samples.csvUtf8Ms.push(utf8.ms);
      samples.totalUtf8Ms.push(rows.ms + utf8.ms);
      samples.csvGbkMs.push(gbk.ms);
      samples.bulkShipTaobaoMs.push(ship.ms);
      bytes = { utf8: utf8.r.bytes.length, gbk: gbk.r.bytes.length, bulkShip: ship.r.bytes.length };
    }
    return { orders: N, hadTracking, demoGenerateMs: genMs, samples, bytes, node: process.versions.node };
  });
}
