import { describe, expect, it } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { fromBase64 } from '../bytes';
import { layoutTemplate } from '../layout';
import { getPixel } from '../raster';
import { fixtureContext } from '../test-fixtures';
import { addLogo, type Rgba } from './logo';
import { addElement } from './edit-ops';

/** A w×h picture: black where `ink(x, y)`, else white; `clear` areas fully transparent. */
function picture(w: number, h: number, ink: (x: number, y: number) => boolean, clear: (x: number, y: number) => boolean = () => false): Rgba {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const v = ink(x, y) ? 0 : 255;
      data.set([v, v, v, clear(x, y) ? 0 : 255], i);
    }
  return { data, width: w, height: h };
}

describe('a picture as a template image', () => {
  it('keeps a small picture dot for dot, black where it is dark, white where it is light or transparent', () => {
    const t = builtinTemplate('packing-slip-80mm');
    const { template, id } = addLogo(t, picture(16, 8, (x) => x < 8, (x, y) => x < 4 && y < 4));
    const e = template.elements.find((x) => x.id === id)!;
    expect(e.type).toBe('image');
    if (e.type !== 'image') return;
    expect([e.image.width, e.image.height, e.image.dpi]).toEqual([16, 8, 203]);
    expect([...fromBase64(e.image.data)]).toEqual([0x0f, 0x00, 0x0f, 0x00, 0x0f, 0x00, 0x0f, 0x00, 0xff, 0x00, 0xff, 0x00, 0xff, 0x00, 0xff, 0x00]);
    const page = layoutTemplate(template, fixtureContext()).pages[0];
    const item = page.items.find((i) => i.kind === 'image' && i.source === id);
    expect(item && item.kind === 'image' && [getPixel(item.bitmap, 5, 6), getPixel(item.bitmap, 12, 6)]).toEqual([true, false]);
  });

  it('scales a large picture down to 30 mm wide at the template resolution, keeping its shape', () => {
    const t = builtinTemplate('waybill-100x150');
    const { template, id } = addLogo(t, picture(1200, 600, (x, y) => (x + y) % 2 === 0));
    const e = template.elements.find((x) => x.id === id)!;
    expect(e.type === 'image' && [e.image.width, e.image.height]).toEqual([240, 120]);
    expect(() => addLogo(t, { data: new Uint8ClampedArray(0), width: 0, height: 0 })).toThrow(/empty/);
  });

  it('an item table from the palette lists the lines on a slip and the pick rows on a pick list', () => {
    const slip = addElement(builtinTemplate('packing-slip-a5'), 'table');
    const table = slip.template.elements.find((e) => e.id === slip.id)!;
    expect(table.type === 'table' && [table.source, table.columns.map((c) => c.value)]).toEqual(['items', ['{row.title}', '{row.spec}', '{row.qty}']]);
    const pick = addElement(builtinTemplate('pick-list-a4'), 'table');
    const rows = pick.template.elements.find((e) => e.id === pick.id)!;
    expect(rows.type === 'table' && rows.source).toBe('pickRows');
    expect(layoutTemplate(slip.template, fixtureContext()).pages.length).toBeGreaterThan(0);
  });
});
