// Test-only oracle for browser tests: zxing-wasm reading barcodes from canvas pixels, its wasm served from
// node_modules by Vite (`?url`), never fetched from a CDN. test-oracles.ts is the Node counterpart.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

export interface Found {
  format: string;
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

let ready: Promise<unknown> | undefined;

/** Every valid barcode in an image (ImageData or an encoded PNG Blob), with its bounding box in pixels. */
export async function scan(image: ImageData | Blob): Promise<Found[]> {
  ready ??= prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) }, fireImmediately: true });
  await ready;
  const results = await readBarcodes(image, { formats: [], tryHarder: true, maxNumberOfSymbols: 16 });
  return results
    .filter((r) => r.isValid)
    .map((r) => {
      const p = r.position;
      const xs = [p.topLeft.x, p.topRight.x, p.bottomLeft.x, p.bottomRight.x];
      const ys = [p.topLeft.y, p.topRight.y, p.bottomLeft.y, p.bottomRight.y];
      return { format: r.format, text: r.text, left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    });
}
