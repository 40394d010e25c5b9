import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { BUILTIN_TEMPLATES } from './builtin-templates';
import { encodeLayout } from './encoders';
import type { PrintContext } from './fields';
import { fallbackGlyphs } from './glyphs';
import { layoutTemplate, type LabelLayout } from './layout';
import { defaultProfile, targetFor, type PrinterProfile } from './profiles';
import type { Template } from './template';
import { fixtureContext, fixturePickContext } from './test-fixtures';
import { dumpEscpos, dumpTspl, dumpZpl } from './test-oracles';

// Golden files: every built-in template, in every language that prints it, for the fixed fixture context.
// Each file starts with the job's length and SHA-256 (byte-exact), then a readable dump to review diffs.
// Regenerate deliberately with `npx vitest run --project unit src/lib/print -u` and read the diff.

const glyphs = fallbackGlyphs({ tofu: true });
const contextFor = (t: Template): PrintContext => (t.kind === 'pick-list' ? fixturePickContext() : fixtureContext());
const isReceipt = (t: Template) => t.media.kind === 'continuous';
const isSheet = (t: Template) => t.size.width > 110;

function languages(t: Template): [string, PrinterProfile][] {
  if (isReceipt(t))
    return [
      ['escpos', defaultProfile('escpos')],
      ['escpos-raster', defaultProfile('escpos', { render: 'raster' })]
    ];
  if (isSheet(t)) return [];
  return [
    ['tspl', defaultProfile('tspl')],
    ['zpl', defaultProfile('zpl')],
    ['tspl-raster', defaultProfile('tspl', { render: 'raster' })],
    ['zpl-raster', defaultProfile('zpl', { render: 'raster' })]
  ];
}

function dump(language: string, bytes: Uint8Array): string {
  const head = `# ${bytes.length} bytes sha256:${createHash('sha256').update(bytes).digest('hex')}\n`;
  return head + (language.startsWith('tspl') ? dumpTspl(bytes) : language.startsWith('zpl') ? dumpZpl(bytes) : dumpEscpos(bytes));
}

/** A sheet (A4/A5) is drawn by the system print path from its layout; its golden is the layout itself. */
function layoutDump(l: LabelLayout): string {
  const lines = [`# ${l.templateId} ${l.width} dots wide, ${l.pages.length} page(s), warnings: ${JSON.stringify(l.warnings)}`];
  for (const p of l.pages) {
    lines.push(`page ${p.number} height ${p.height}`);
    for (const it of p.items) {
      if (it.kind === 'text') lines.push(`text ${it.source} ${it.x},${it.y} em ${it.em}${it.bold ? ' bold' : ''} ${JSON.stringify(it.text)}`);
      else if (it.kind === 'barcode') lines.push(`barcode ${it.source} ${it.x},${it.y} ${it.symbology} module ${it.module} ${it.width}×${it.height} ${it.data}`);
      else if (it.kind === 'qr') lines.push(`qr ${it.source} ${it.x},${it.y} cell ${it.cell} ${it.size} ${it.data}`);
      else if (it.kind === 'image') lines.push(`image ${it.source} ${it.x},${it.y} ${it.bitmap.width}×${it.bitmap.height}`);
      else lines.push(`${it.kind} ${it.source} ${it.x},${it.y} ${it.w}×${it.h}${it.kind === 'box' ? ` t${it.thickness}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('built-in templates, golden output', () => {
  for (const t of BUILTIN_TEMPLATES) {
    const name = t.id.replace('builtin:', '');
    if (isSheet(t) && !isReceipt(t))
      test(`${name}: layout`, async () => {
        await expect(layoutDump(layoutTemplate(t, contextFor(t), targetFor(defaultProfile('tspl', { render: 'raster' }))))).toMatchFileSnapshot(`__golden__/${name}.layout.txt`);
      });
    for (const [language, profile] of languages(t))
      test(`${name}: ${language}`, async () => {
        const layout = layoutTemplate(t, contextFor(t), targetFor(profile));
        const jobs = encodeLayout(layout, { profile, glyphs });
        expect(jobs).toHaveLength(layout.pages.length);
        await expect(jobs.map((j) => dump(language, j)).join('\n')).toMatchFileSnapshot(`__golden__/${name}.${language}.txt`);
      });
  }
});

describe('built-in templates, shapes', () => {
  test('waybills require a tracking number; SKU labels a barcode', () => {
    for (const t of BUILTIN_TEMPLATES) {
      if (t.kind === 'waybill') expect(t.requires, t.id).toEqual(['trackingNo']);
      if (t.kind === 'sku-label') expect(t.requires, t.id).toEqual(['sku.barcode']);
    }
  });

  test('every element sits inside its label', () => {
    for (const t of BUILTIN_TEMPLATES)
      for (const e of t.elements) {
        const right = 'w' in e ? e.x + e.w : e.type === 'qr' ? e.x + e.size : e.type === 'line' ? e.x + (e.direction === 'horizontal' ? e.length : e.thickness) : e.x;
        const bottom = 'h' in e ? e.y + e.h : e.type === 'qr' ? e.y + e.size : e.y;
        expect(right, `${t.id} ${e.id}`).toBeLessThanOrEqual(t.size.width + 1e-9);
        if (!isReceipt(t)) expect(bottom, `${t.id} ${e.id}`).toBeLessThanOrEqual(t.size.height + 1e-9);
      }
  });

  // The issue's budget is 2 KB per native label; the 100×180 二联单 carries a second copy and gets 2.5 KB.
  test('the native labels stay small: TSPL waybills for the fixture under 2 KB', () => {
    for (const [id, budget] of [
      ['builtin:waybill-100x150', 2048],
      ['builtin:waybill-76x130', 2048],
      ['builtin:waybill-100x180', 2560]
    ] as const) {
      const t = BUILTIN_TEMPLATES.find((x) => x.id === id)!;
      const profile = defaultProfile('tspl');
      const [job] = encodeLayout(layoutTemplate(t, fixtureContext(), targetFor(profile)), { profile });
      expect(job.length, id).toBeLessThanOrEqual(budget);
    }
  });
});
