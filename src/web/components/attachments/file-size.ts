import { formatNumber } from '../format.ts';

const MB = 1024 * 1024;

/** A file's size the Vietnamese way: "820 KB", "2,4 MB" (at least 1 KB, so a small file never reads "0"). */
export function fileSize(bytes: number): string {
  if (bytes < MB) return `${formatNumber(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / MB)} MB`;
}
