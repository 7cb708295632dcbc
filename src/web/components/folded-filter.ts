import type { ComboboxItem, ComboboxParsedItem } from '@mantine/core';
import { foldForSearch } from '#core/text/fold.ts';

/**
 * The search of every picker that filters its own options: diacritics, case and word order do not
 * matter ("nguyen an" finds "Nguyễn Văn An", "thang 3" finds "Tháng 3/2026"), like the searches
 * the server runs. Groups keep their name and only the items that match; empty groups go.
 */
export function foldedFilter({ options, search, limit }: { options: ComboboxParsedItem[]; search: string; limit: number }): ComboboxParsedItem[] {
  const words = foldForSearch(search).split(' ').filter(Boolean);
  const matches = (item: ComboboxItem) => {
    const label = foldForSearch(item.label);
    return words.every((w) => label.includes(w));
  };
  const out: ComboboxParsedItem[] = [];
  let left = limit > 0 ? limit : Infinity;
  for (const option of options) {
    if (left <= 0) break;
    if ('group' in option) {
      const items = option.items.filter(matches).slice(0, left);
      if (items.length > 0) out.push({ group: option.group, items });
      left -= items.length;
    } else if (matches(option)) {
      out.push(option);
      left -= 1;
    }
  }
  return out;
}
