import { describe, expect, test } from 'vitest';
import { BUILTIN_TEMPLATES, builtinTemplate } from '../builtin-templates';
import { layoutTemplate } from '../layout';
import { copyTemplate, storedTemplates, templateChoices, templateToSave } from './library';
import { sampleContext } from './sample-context';

describe('template library', () => {
  test('a copy of a built-in gets a new id and the suffix, and shares nothing with it', () => {
    const b = builtinTemplate('waybill-100x150');
    const c = copyTemplate(b, { id: 'tpl-1', suffix: '副本' });
    expect(c).toMatchObject({ id: 'tpl-1', name: '电子面单 100×150 (4×6) 副本', kind: 'waybill' });
    expect(c.elements).toEqual(b.elements);
    expect(c.elements[0]).not.toBe(b.elements[0]);
    expect(() => copyTemplate(b, { id: 'builtin:x', suffix: 'copy' })).toThrow(/built-in/);
  });

  test('built-ins cannot be saved over; a copy can', () => {
    expect(() => templateToSave(builtinTemplate('sku-40x30'))).toThrow(/read-only/);
    expect(templateToSave(copyTemplate(builtinTemplate('sku-40x30'), { id: 'mine', suffix: 'copy' })).id).toBe('mine');
    expect(() => templateToSave({ id: 'x' })).toThrow(/invalid template/);
  });

  test('stored values: valid templates by name, damaged ones left out', () => {
    const a = { ...copyTemplate(builtinTemplate('sku-40x30'), { id: 'b-id', suffix: '' }), name: '乙 标签' };
    const z = { ...copyTemplate(builtinTemplate('sku-50x30'), { id: 'a-id', suffix: '' }), name: '甲 标签' };
    expect(storedTemplates([a, { id: 'broken' }, z, builtinTemplate('waybill-76x130')]).map((t) => t.id)).toEqual(['a-id', 'b-id']);
  });

  test('choices: built-ins then saved, narrowed by kind', () => {
    const mine = copyTemplate(builtinTemplate('waybill-100x150'), { id: 'mine', suffix: 'copy' });
    const ids = templateChoices([mine], 'waybill').map((t) => t.id);
    expect(ids).toEqual([...BUILTIN_TEMPLATES.filter((t) => t.kind === 'waybill').map((t) => t.id), 'mine']);
  });

  test('the sample shipment previews every built-in template without a missing field', () => {
    const ctx = sampleContext({ printedAt: Date.UTC(2025, 0, 1), station: { id: 's', name: '工位' } });
    for (const t of BUILTIN_TEMPLATES) {
      const layout = layoutTemplate(t, ctx);
      expect(layout.pages[0].items.length, t.id).toBeGreaterThan(3);
    }
  });
});

describe('templates in the synced catalog document', () => {
  test('saved on one station, read on another after an update exchange; deleted everywhere', async () => {
    const Y = await import('yjs');
    const { CatalogDoc } = await import('../../sync/catalog-doc');
    const a = new CatalogDoc(new Y.Doc());
    const b = new CatalogDoc(new Y.Doc());
    const exchange = () => {
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    };
    const mine = copyTemplate(builtinTemplate('waybill-100x150'), { id: 'tpl-9', suffix: '副本' });
    a.saveTemplate(JSON.parse(JSON.stringify(templateToSave(mine))), 'test');
    exchange();
    expect(storedTemplates(b.templates())).toEqual([mine]);
    b.deleteTemplate('tpl-9', 'test');
    exchange();
    expect(storedTemplates(a.templates())).toEqual([]);
  });
});
