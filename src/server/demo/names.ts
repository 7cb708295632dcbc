import { createHash } from 'node:crypto';
import type { IsoDate } from '#core/ids.ts';

/** 32-bit FNV-1a hash of a string: the seed of a generator. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A seeded pseudo-random generator (mulberry32). The demo draws every "random" choice from
 * one of these, seeded by the unit it is filling, so every start builds the same organisation.
 */
export class Rng {
  private state: number;

  constructor(seed: string) {
    this.state = hash32(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }

  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]![0];
  }

  /** A calendar date between two dates, both included. */
  date(from: string, to: string): IsoDate {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    const day = this.int(0, Math.round((b - a) / 86_400_000));
    return new Date(a + day * 86_400_000).toISOString().slice(0, 10) as IsoDate;
  }
}

/** A stable UUID (version-5 layout) for a demo key, so ids are the same on every start. */
export function demoUuid(key: string): string {
  const h = createHash('sha1').update(`trienkhai-demo:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type Gender = 'nam' | 'nu';

/** Where a tree lies: family names are not spread alike in the North, the Centre and the South. */
export type Region = 'north' | 'central' | 'south';

type Weighted = readonly (readonly [string, number])[];

// Rough shares of the most common family names; Hoàng and Vũ are the northern forms of Huỳnh and Võ.
const FAMILY: Record<Region, Weighted> = {
  north: [
    ['Nguyễn', 32], ['Trần', 10], ['Lê', 8], ['Phạm', 7], ['Hoàng', 6], ['Vũ', 5], ['Đỗ', 3], ['Bùi', 3],
    ['Đặng', 3], ['Ngô', 2], ['Dương', 2], ['Phan', 2], ['Lý', 1.5], ['Hồ', 1], ['Đinh', 1.5], ['Trịnh', 1],
  ],
  central: [
    ['Nguyễn', 30], ['Trần', 10], ['Lê', 9], ['Phan', 6], ['Võ', 6], ['Hồ', 5], ['Phạm', 5], ['Hoàng', 4],
    ['Đặng', 3], ['Bùi', 2], ['Đinh', 2], ['Dương', 2], ['Ngô', 2], ['Đỗ', 1], ['Lý', 0.5],
  ],
  south: [
    ['Nguyễn', 33], ['Trần', 11], ['Lê', 9], ['Huỳnh', 6], ['Võ', 6], ['Phạm', 6], ['Phan', 4], ['Đặng', 2],
    ['Bùi', 2], ['Dương', 2], ['Ngô', 2], ['Đỗ', 2], ['Hồ', 2], ['Lý', 1.5], ['Trương', 1.5],
  ],
};

const MIDDLE: Record<Gender, Weighted> = {
  nam: [
    ['Văn', 30], ['Đức', 7], ['Minh', 7], ['Quang', 5], ['Hữu', 5], ['Thanh', 5], ['Xuân', 4], ['Công', 4],
    ['Đình', 4], ['Ngọc', 3], ['Trọng', 3], ['Mạnh', 2], ['Tiến', 2], ['Anh', 2], ['Quốc', 4], ['Duy', 2],
    ['Việt', 2], ['Hoàng', 2], ['Thành', 2], ['Văn Minh', 1],
  ],
  nu: [
    ['Thị', 35], ['Thu', 5], ['Ngọc', 6], ['Thanh', 5], ['Minh', 3], ['Thúy', 3], ['Hồng', 3], ['Kim', 3],
    ['Phương', 2], ['Bích', 2], ['Diệu', 1], ['Thị Thu', 4], ['Thị Hồng', 3], ['Thị Ngọc', 3], ['Thị Minh', 2],
    ['Thị Thanh', 3], ['Hoài', 1], ['Khánh', 1], ['Mỹ', 1],
  ],
};

const GIVEN: Record<Gender, readonly string[]> = {
  nam: [
    'An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy',
    'Hưng', 'Hiệp', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lực', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong',
    'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Tâm', 'Thái', 'Thành', 'Thắng', 'Thịnh', 'Tiến', 'Toàn', 'Trung',
    'Trường', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Chiến', 'Định', 'Hậu', 'Lợi',
  ],
  nu: [
    'An', 'Anh', 'Bích', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huệ', 'Hương',
    'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo',
    'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Hậu', 'Thu', 'Thúy', 'Nhàn', 'Ngọc', 'Huyền', 'Lý', 'Duyên',
  ],
};

/**
 * A Vietnamese full name: family name, middle name, given name ("Nguyễn Thị Thu Hà").
 * `families` adds local family names to the regional list (Tày names in Tuyên Quang, …).
 */
export function vietnameseName(rng: Rng, gender: Gender, region: Region, families: Weighted = []): string {
  const family = rng.weighted([...FAMILY[region], ...families]);
  const middle = rng.weighted(MIDDLE[gender]);
  let given = rng.pick(GIVEN[gender]);
  // "Nguyễn Văn Văn" or "Trần Minh Minh" do not occur; draw again.
  while (middle.endsWith(given)) given = rng.pick(GIVEN[gender]);
  return `${family} ${middle} ${given}`;
}
