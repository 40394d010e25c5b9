// The real print worker (workers/print.worker.ts) started from the page and driven through comlink, as the
// app will: a 1,000-label TSPL batch streams back in chunks and its first label is byte for byte the
// in-thread encoder's; unprintable shipments come back named; a listener can stop a batch; previews scan.
import { proxy, wrap, type Remote } from 'comlink';
import { afterAll, describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { encodeLayout } from '../encoders';
import { layoutTemplate } from '../layout';
import { defaultProfile, targetFor } from '../profiles';
import { numberedContexts } from './test-contexts';
import { fixtureContext } from '../test-fixtures';
import type { LabelChunk, PrintApi } from './print-api';
import { scan } from './test-zxing';

const worker = new Worker(new URL('../../../../workers/print.worker.ts', import.meta.url), { type: 'module', name: 'packdesk-print-test' });
const api: Remote<PrintApi> = wrap<PrintApi>(worker);
afterAll(() => worker.terminate());

const template = builtinTemplate('waybill-100x150');

describe('print worker', () => {
  test('encodes 1,000 native TSPL labels in chunks; the first is the in-thread encoder’s bytes', async () => {
    const profile = defaultProfile('tspl');
    const contexts = numberedContexts(1000);
    const chunks: LabelChunk[] = [];
    const summary = await api.encodeBatch({ template, profile, contexts }, proxy((c: LabelChunk) => void chunks.push(c)));
    const labels = chunks.flatMap((c) => c.labels);
    expect(summary).toMatchObject({ contexts: 1000, labels: 1000, failures: [], stopped: false });
    expect(labels).toHaveLength(1000);
    expect(labels.map((l) => l.context)).toEqual(contexts.map((_, i) => i));
    expect(chunks[0].labels).toHaveLength(1);
    expect(chunks.at(-1)!.done).toBe(1000);
    expect(Math.max(...chunks.map((c) => c.labels.length))).toBe(64);

    const [first] = encodeLayout(layoutTemplate(template, contexts[0], targetFor(profile)), { profile });
    expect(labels[0].bytes).toEqual(first);
    const [last] = encodeLayout(layoutTemplate(template, contexts[999], targetFor(profile)), { profile });
    expect(labels[999].bytes).toEqual(last);
    expect(summary.bytes).toBe(labels.reduce((s, l) => s + l.bytes.length, 0));
  });

  test('a shipment without a tracking number is a named failure; the rest of the batch prints', async () => {
    const contexts = numberedContexts(5);
    contexts[2] = { ...contexts[2], trackingNo: undefined };
    const chunks: LabelChunk[] = [];
    const summary = await api.encodeBatch({ template, profile: defaultProfile('zpl'), contexts }, proxy((c: LabelChunk) => void chunks.push(c)));
    expect(summary.labels).toBe(4);
    expect(summary.failures).toEqual([{ context: 2, name: 'MissingFieldsError', message: 'builtin:waybill-100x150 needs trackingNo', fields: ['trackingNo'] }]);
    expect(chunks.flatMap((c) => c.failures)).toEqual(summary.failures);
  });

  test('a template with an unknown field fails the call with the template’s own message', async () => {
    const bad = { ...template, elements: [...template.elements, { type: 'text' as const, id: 'x', x: 1, y: 1, w: 10, h: 4, value: '{nope}', fontSize: 3 }] };
    await expect(api.encodeBatch({ template: bad, profile: defaultProfile('tspl'), contexts: numberedContexts(2) }, proxy(() => {}))).rejects.toThrow(/nope/);
  });

  test('a listener that returns false stops the batch', async () => {
    let calls = 0;
    const summary = await api.encodeBatch({ template, profile: defaultProfile('tspl'), contexts: numberedContexts(300) }, proxy(() => ++calls < 3));
    expect(calls).toBe(3);
    expect(summary).toMatchObject({ stopped: true, labels: 1 + 2 + 4 });
  });

  test('lays out with canvas metrics and renders a preview PNG that scans', async () => {
    const ctx = fixtureContext();
    const layout = await api.layout({ template, profile: defaultProfile('zpl'), context: ctx });
    const name = layout.pages[0].items.find((it) => it.source === 'recipient-name');
    expect(name).toMatchObject({ kind: 'text', text: '张伟 13812345678' });
    expect(await api.font()).toMatchObject({ family: 'WenQuanYi Micro Hei' });

    const result = await api.preview({ template, profile: defaultProfile('zpl'), context: ctx, scale: 1 });
    expect([result.width, result.height, result.pages]).toEqual([800, 1200, 1]);
    const found = await scan(result.png!);
    expect(found.map((f) => [f.format, f.text]).sort()).toEqual([
      ['Code128', ctx.trackingNo],
      ['QRCode', ctx.trackingNo]
    ]);
    const bitmap = await api.preview({ template, profile: defaultProfile('tspl'), context: ctx, scale: 0.5, as: 'bitmap' });
    expect([bitmap.bitmap!.width, bitmap.bitmap!.height]).toEqual([400, 600]);
  });
});
