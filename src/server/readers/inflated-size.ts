import zlib from 'node:zlib';

/**
 * The size `data` inflates to, counted as it comes and never kept, stopping as soon as it passes
 * `limit` (the answer is then some size over the limit). Deflate data comes raw in a zip entry and
 * behind a zlib header in a PDF stream. Rejects when the data is not deflate at all; data cut short
 * counts what it gave.
 */
export function inflatedSize(data: Buffer, limit: number, format: 'raw' | 'zlib'): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = format === 'raw' ? zlib.createInflateRaw() : zlib.createInflate();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', (e: NodeJS.ErrnoException) => (total > 0 && e.code === 'Z_BUF_ERROR' ? resolve(total) : reject(e)));
    inflate.end(data);
  });
}
