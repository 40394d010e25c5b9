// Reads a picture file (PNG, JPEG, WebP, GIF, BMP) into RGBA pixels with the browser's own decoder, for a
// logo in a label template. A file the browser cannot decode gets a message naming it.
import type { Rgba } from '../print/designer/logo';

/** Pictures larger than this on a side are scaled down while decoding (a label is at most ~1,700 dots wide). */
const MAX_SIDE = 2400;

export async function readPicture(file: Blob & { name?: string }): Promise<Rgba> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`「${file.name ?? 'picture'}」 is not a picture this browser can read (use PNG or JPEG).`);
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw pictures off screen.');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { data: ctx.getImageData(0, 0, width, height).data, width, height };
}
