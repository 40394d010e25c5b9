// The template designer in real Chromium on the in-memory station: palette, keyboard nudge and undo, a bad
// template file refused with the place it is wrong (the open template untouched), save and export.
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount, unmount } from 'svelte';
import { createMemoryStation } from '../../app/memory-station';
import { memoryEnv } from '../../app/browser-env';
import type { StationConfig } from '../../app/station-api';
import StationWorkspace from '../StationWorkspace.svelte';

const CONFIG: StationConfig = { id: 'station-a', name: '一号打包台', user: '小王', serverUrl: '', secret: '' };

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function openDesigner() {
  await page.viewport(1400, 900);
  const station = createMemoryStation({ config: CONFIG });
  const env = memoryEnv({ languages: ['zh-CN'] });
  const target = document.createElement('div');
  document.body.appendChild(target);
  const app = mount(StationWorkspace, { target, props: { api: station, env } });
  cleanup = () => {
    unmount(app);
    target.remove();
  };
  await page.getByTestId('designer-open').click();
  await expect.element(page.getByTestId('designer-preview')).toBeVisible();
  return { station, env };
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
const value = (id: string) => (document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${id}"]`)?.value ?? '');

it('adds a bound field from the palette, nudges it with the keyboard, undoes, saves and exports', async () => {
  const { station, env } = await openDesigner();
  await expect.poll(() => text('designer-preview-source')).toContain('示例数据');
  await page.getByTestId('designer-field-recipient.name').click();
  await expect.element(page.getByTestId('designer-element-text-1')).toBeVisible();
  expect(value('designer-value')).toBe('{recipient.name}');
  expect(value('designer-x')).toBe('4');
  await page.getByTestId('designer-element-text-1').click();
  await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}{ArrowDown}');
  await expect.poll(() => [value('designer-x'), value('designer-y')]).toEqual(['9', '4.5']);
  await userEvent.keyboard('{Control>}z{/Control}');
  await expect.poll(() => value('designer-y')).toBe('4');
  await userEvent.keyboard('{Control>}d{/Control}');
  await expect.element(page.getByTestId('designer-element-text-1-copy-1')).toBeVisible();

  await page.getByTestId('designer-save').click();
  await expect.element(page.getByTestId('designer-notice')).toBeVisible();
  const saved = await station.templates();
  expect(saved).toHaveLength(1);
  expect(saved[0].id).not.toMatch(/^builtin:/);
  expect(saved[0].name).toBe('电子面单 100×150 (4×6) 副本');
  expect(saved[0].elements.map((e) => e.id)).toContain('text-1-copy-1');

  await page.getByTestId('designer-export').click();
  expect(env.saved).toHaveLength(1);
  expect(JSON.parse(new TextDecoder().decode(env.saved[0].bytes))).toEqual(saved[0]);
});

it('refuses a bad template file, naming the property, and keeps the open template', async () => {
  await openDesigner();
  const before = document.querySelectorAll('[data-testid^="designer-element-"]').length;
  const bad = { id: 'x', name: 'Bad', kind: 'waybill', size: { width: 100, height: 150 }, media: { kind: 'gap' }, elements: [{ type: 'text', id: 't', x: 1, y: 1, w: 10, h: 5, value: 'a', fontSize: 0 }] };
  const input = document.querySelector<HTMLInputElement>('[data-testid="designer-import-file"]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([JSON.stringify(bad)], 'bad.template.json', { type: 'application/json' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await expect.poll(() => text('designer-import-error')).toContain('bad.template.json');
  expect(text('designer-import-error')).toContain('elements.0.fontSize: ');
  expect(document.querySelectorAll('[data-testid^="designer-element-"]').length).toBe(before);
  expect(value('designer-name')).toBe('电子面单 100×150 (4×6) 副本');
});

it('importing a file of a template saved here already opens it as a copy: saving cannot overwrite the synced one', async () => {
  const { station, env } = await openDesigner();
  await page.getByTestId('designer-save').click();
  await expect.element(page.getByTestId('designer-notice')).toBeVisible();
  await page.getByTestId('designer-export').click();
  const exported = env.saved[0];
  const input = document.querySelector<HTMLInputElement>('[data-testid="designer-import-file"]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([exported.bytes as BlobPart], exported.name, { type: 'application/json' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await expect.poll(() => value('designer-name')).toBe('电子面单 100×150 (4×6) 副本 副本');
  await page.getByTestId('designer-save').click();
  await expect.poll(async () => (await station.templates()).length).toBe(2);
});

it('adds a logo from a picture file and an item table from the palette; a file that is no picture is named', async () => {
  await openDesigner();
  const canvas = new OffscreenCanvas(120, 60);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 120, 60);
  ctx.fillStyle = '#000';
  ctx.fillRect(10, 10, 100, 40);
  const png = await canvas.convertToBlob({ type: 'image/png' });
  const input = document.querySelector<HTMLInputElement>('[data-testid="designer-picture-file"]')!;
  const drop = (file: File) => {
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  drop(new File([png], 'logo.png', { type: 'image/png' }));
  await expect.element(page.getByTestId('designer-element-image-1')).toBeVisible();
  drop(new File(['not a picture'], 'notes.txt', { type: 'text/plain' }));
  await expect.poll(() => text('designer-error')).toContain('notes.txt');
  await page.getByTestId('designer-add-table').click();
  await expect.element(page.getByTestId('designer-element-table-1')).toBeVisible();
});
