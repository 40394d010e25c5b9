import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { fallbackGlyphs } from '../glyphs';
import { layoutTemplate, type LayoutItem } from '../layout';
import { defaultProfile, targetFor, type PrinterProfile, type PrinterProfileInput } from '../profiles';
import { createBitmap, decodeZplGraphicField } from '../raster';
import { drawItems, rasterizePage } from '../rasterize';
import { parseTemplate, type ElementInput } from '../template';
import { fixtureContext } from '../test-fixtures';
import { decodeBarcodes, decodePng, renderZpl } from '../test-oracles';
import { encodeZpl, zplCode128Data } from './zpl';

const tofu = fallbackGlyphs({ tofu: true });

function zpl(elements: ElementInput[], over: Partial<PrinterProfileInput> = {}, ctx = fixtureContext()): string {
  const profile = defaultProfile('zpl', over);
  const t = parseTemplate({ id: 't', name: 't', kind: 'custom', size: { width: 50, height: 30 }, media: { kind: 'gap' }, elements });
  return new TextDecoder().decode(encodeZpl(layoutTemplate(t, ctx, targetFor(profile)), { profile, glyphs: tofu })[0]);
}

describe('ZPL commands', () => {
  test('a label is ^XA, UTF-8, size, home, orientation, media, content, quantity, ^XZ', () => {
    expect(zpl([])).toBe('^XA\n^CI28\n^PW400\n^LL240\n^LH0,0\n^PON\n^MNY\n\n^PQ1\n^XZ\n');
    expect(zpl([], { darkness: 5, speed: 4, copies: 2 })).toBe('^XA\n^CI28\n^PW400\n^LL240\n^LH0,0\n^PON\n^MNY\n^MD5\n^PR4\n\n^PQ2\n^XZ\n');
    // ^PR takes whole inches per second: a TSPL-style 2.5 ips becomes 3, out-of-range darkness is clamped.
    expect(zpl([], { darkness: 40, speed: 2.5 })).toContain('^MD30\n^PR3\n');
  });

  test('ASCII text uses font 0, aligned in its box by ^FB', () => {
    const out = zpl([
      { type: 'text', id: 'l', x: 1, y: 1, w: 40, h: 4, value: '{trackingNo}', fontSize: 3 },
      { type: 'text', id: 'r', x: 1, y: 6, w: 40, h: 4, value: '{trackingNo|last:4}', fontSize: 3, align: 'right' }
    ]);
    expect(out).toContain('^FO8,8^A0N,24,24^FDSF1412345678901^FS');
    expect(out).toContain('^FO8,48^A0N,24,24^FB320,1,0,R,0^FD8901^FS');
  });

  test("with the printer's Chinese font every line prints natively in it, and a waybill stays under 2 KB", async () => {
    const out = zpl([
      { type: 'text', id: 'n', x: 1, y: 1, w: 40, h: 4, value: '收件人 {recipient.name}', fontSize: 3 },
      { type: 'text', id: 't', x: 1, y: 6, w: 40, h: 4, value: '{trackingNo}', fontSize: 3, align: 'right' }
    ], { zpl: { cjkFont: 'E:ANMDS.TTF' } });
    expect(out).toContain('^CWJ,E:ANMDS.TTF\n');
    expect(out).toContain(`^FO8,8^AJN,24,24^FD收件人 ${fixtureContext().orders?.[0]?.recipient.name}`);
    expect(out).toContain('^FO8,48^AJN,24,24^FB320,1,0,R,0^FDSF1412345678901^FS');
    expect(out).not.toContain('^GFA');
    const profile = defaultProfile('zpl', { zpl: { cjkFont: 'E:ANMDS.TTF', code128Auto: true } });
    const layout = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext(), targetFor(profile));
    const bytes = encodeZpl(layout, { profile, glyphs: tofu })[0];
    expect(bytes.length).toBeLessThan(2048);
    const { found } = await rendered(new TextDecoder().decode(bytes), 100, 150);
    expect(found.map((f) => f.text)).toContain('SF1412345678901');
    expect(() => defaultProfile('zpl', { zpl: { cjkFont: 'simsun' } })).toThrow(/E:ANMDS\.TTF/);
  });

  test('order text cannot inject commands: ^ ~ and \\ are hex-escaped under ^FH', () => {
    const ctx = fixtureContext();
    ctx.trackingNo = 'A^XZ~JR\\B';
    const out = zpl([{ type: 'text', id: 'n', x: 0, y: 0, w: 48, h: 4, value: '{trackingNo}', fontSize: 3 }], {}, ctx);
    expect(out).toContain('^FO0,0^A0N,24,24^FH\\^FDA\\5EXZ\\7EJR\\5CB^FS');
    expect(out.match(/\^XZ/g)).toHaveLength(1);
  });

  test('Chinese lines are drawn by the glyph renderer and sent as ^GFA Z64', () => {
    const out = zpl([{ type: 'text', id: 'c', x: 1, y: 2, w: 40, h: 4, value: '{courier.name}', fontSize: 3 }]);
    const field = /\^FO8,16(\^GFA,[^^]+)\^FS/.exec(out)![1];
    const decoded = decodeZplGraphicField(field);
    const expected = createBitmap(96, 24);
    drawItems(expected, [{ kind: 'text', source: 'c', x: 0, y: 0, width: 96, em: 24, bold: false, text: '顺丰速运', align: 'left', boxX: 0, boxWidth: 320 }], { glyphs: tofu });
    expect(decoded).toEqual(expected);
    const profile = defaultProfile('zpl');
    const layout = layoutTemplate(builtinTemplate('waybill-76x130'), fixtureContext(), targetFor(profile));
    expect(() => encodeZpl(layout, { profile })).toThrow(/no glyphs for "顺丰速运"/);
  });

  test('Code 128 carries explicit subset invocations', () => {
    expect(zplCode128Data('SF1412345678901')).toBe('>:SF1>5412345678901');
    expect(zplCode128Data('73100012345678')).toBe('>;73100012345678');
    expect(zplCode128Data('1234AB')).toBe('>;1234>6AB');
    expect(zplCode128Data('A>B^C~D')).toBe('>:A>0B><C>=D');
  });

  test('QR codes pin the ^BY height the printer offsets them by', () => {
    const out = zpl([{ type: 'qr', id: 'q', x: 30, y: 5, size: 20, value: '{trackingNo}', ecc: 'Q' }]);
    expect(out).toContain('^BY2,3.0,10^FO267,57^BQN,2,5^FDQA,SF1412345678901^FS');
  });
});

/** Renders a label with zebrash and reads its barcodes. */
async function rendered(zplText: string, widthMm: number, heightMm: number) {
  const png = await renderZpl(zplText, widthMm, heightMm);
  return { png, image: decodePng(png), found: await decodeBarcodes(png) };
}

function expectedSymbols(items: LayoutItem[]) {
  return items.flatMap((it) =>
    it.kind === 'barcode'
      ? [{ format: it.symbology === 'code128' ? 'Code128' : it.symbology === 'ean13' ? 'EAN13' : 'Code39', text: it.data, left: it.x, top: it.y, right: it.x + it.width }]
      : it.kind === 'qr'
        ? [{ format: 'QRCode', text: it.data, left: it.x, top: it.y, right: it.x + it.size }]
        : []
  );
}

async function expectScansWhereLaidOut(id: string, profile: PrinterProfile, ctx = fixtureContext()) {
  const t = builtinTemplate(id);
  const layout = layoutTemplate(t, ctx, targetFor(profile));
  const [bytes] = encodeZpl(layout, { profile, glyphs: tofu });
  const { found, image } = await rendered(new TextDecoder().decode(bytes), t.size.width, t.size.height);
  const want = expectedSymbols(layout.pages[0].items);
  expect(found.map((f) => [f.format, f.text]).sort(), id).toEqual(want.map((w) => [w.format, w.text]).sort());
  for (const w of want) {
    const f = found.find((x) => x.format === w.format && x.text === w.text && Math.abs(x.top - w.top) < 40)!;
    expect(Math.abs(f.left - w.left), `${id} ${w.format} left`).toBeLessThanOrEqual(3);
    expect(Math.abs(f.right - w.right), `${id} ${w.format} right`).toBeLessThanOrEqual(w.format === 'QRCode' ? 4 : 8);
    if (w.format === 'QRCode') expect(Math.abs(f.top - w.top), `${id} QR top`).toBeLessThanOrEqual(3);
  }
  // Rules and boxes land on the same dots as in our own rasterisation.
  const ours = rasterizePage(layout.width, layout.pages[0].height, layout.pages[0].items.filter((i) => i.kind === 'rect' || i.kind === 'box'), tofu);
  let inked = 0;
  let matched = 0;
  for (let y = 0; y < ours.height; y++)
    for (let x = 0; x < ours.width; x++)
      if (ours.data[y * ours.rowBytes + (x >> 3)] & (0x80 >> (x & 7))) {
        inked++;
        if (image.data[(y * image.width + x) * 4] < 128) matched++;
      }
  if (inked) expect(matched / inked, `${id} rules`).toBeGreaterThan(0.99);
}

describe('rendered by zpl-renderer-js and scanned', () => {
  // zebrash encodes the `>5` (to subset C) invocation as FNC4, where Zebra's manual defines it as CODE C, and
  // drops a lone character after an invocation. Labels whose data needs those are checked with
  // printer-chosen subsets (the profile quirk); even-length digit data with our own invocations.
  const auto = defaultProfile('zpl', { zpl: { code128Auto: true } });

  test('waybill 100×150: tracking barcode and QR scan where layout put them', async () => {
    await expectScansWhereLaidOut('waybill-100x150', auto);
  });

  test('waybill 76×130 and 100×180 (two barcodes, one QR)', async () => {
    await expectScansWhereLaidOut('waybill-76x130', auto);
    await expectScansWhereLaidOut('waybill-100x180', auto);
  });

  test('all-digit tracking numbers with our own subset invocations, same width as laid out', async () => {
    const ctx = { ...fixtureContext(), trackingNo: '73100012345678' };
    await expectScansWhereLaidOut('waybill-100x150', defaultProfile('zpl'), ctx);
  });

  test('SKU labels: EAN-13 and Code 128', async () => {
    await expectScansWhereLaidOut('sku-40x30', defaultProfile('zpl'));
    // 13 digits end in subset B after a `>6`; zebrash drops a single character after an invocation.
    await expectScansWhereLaidOut('sku-50x30', auto);
  });

  test("the manual's subset example (C, then B with >6, then A with >7) renders as Zebra documents", async () => {
    const { found } = await rendered('^XA^FO50,50^BY2^BCN,100,N,N,N,N^FD>;382436>6CODE128>752375152^FS^XZ', 100, 30);
    expect(found.map((f) => f.text)).toEqual(['382436CODE128TEST']);
  });

  test('raster mode: the label is ^GFA bands that decode to our bitmap and scan', async () => {
    const profile = defaultProfile('zpl', { render: 'raster' });
    const layout = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext(), targetFor(profile));
    const text = new TextDecoder().decode(encodeZpl(layout, { profile, glyphs: tofu })[0]);
    const fields = [...text.matchAll(/\^FO0,(\d+)(\^GFA,[^^]+)\^FS/g)];
    expect(fields.map((m) => Number(m[1]))).toEqual([0, 999]);
    const full = rasterizePage(800, 1200, layout.pages[0].items, tofu);
    const rows = fields.map((m) => decodeZplGraphicField(m[2]));
    expect(rows.reduce((s, b) => s + b.height, 0)).toBe(1200);
    expect(Uint8Array.from(rows.flatMap((b) => [...b.data]))).toEqual(full.data);
    const { found } = await rendered(text, 100, 150);
    expect(found.map((f) => [f.format, f.text]).sort()).toEqual([
      ['Code128', 'SF1412345678901'],
      ['QRCode', 'SF1412345678901']
    ]);
  });
});
