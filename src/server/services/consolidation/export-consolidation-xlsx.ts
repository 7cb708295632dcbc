import { effectiveFigures } from '#core/consolidation/draft.ts';
import type { ConsolidationQuery } from '#shared/consolidation.ts';
import { tableToXlsx, type XlsxColumn, type XlsxValue } from '../../writers/xlsx/table-to-xlsx.ts';
import type { ServiceContext } from '../context.ts';
import { fileName } from '../exports/issuer-context.ts';
import { getConsolidationState } from './get-consolidation-state.ts';

/**
 * GET /api/obligations/:id/consolidation.xlsx: the figures table of the consolidated report — one
 * row per direct child unit (its subtree's accepted reports summed), then the total as the report
 * prints it — with the reports owed and counted. Figures are numbers, shares percentages; a figure
 * no accepted report gave is an empty cell, never 0. Needs `read` on the unit.
 */
export async function exportConsolidationXlsx(obligationId: string, q: ConsolidationQuery, ctx: ServiceContext): Promise<{ filename: string; data: Buffer }> {
  const l = await getConsolidationState(obligationId, q, 'read', ctx);
  const figures = effectiveFigures(l.consolidation, l.draft);
  const columns: XlsxColumn[] = [
    { key: 'stt', header: 'STT', type: 'integer', width: 6 },
    { key: 'unit', header: 'Đơn vị', type: 'text', width: 40 },
    { key: 'expected', header: 'Số đơn vị phải báo cáo', type: 'integer' },
    { key: 'counted', header: 'Số báo cáo đã tổng hợp', type: 'integer' },
  ];
  for (const f of figures) {
    columns.push({ key: `f:${f.key}`, header: f.unit ? `${f.label} (${f.unit})` : f.label, type: 'integer', width: Math.min(30, Math.max(14, f.label.length / 2)) });
    if (f.of) columns.push({ key: `p:${f.key}`, header: `Tỷ lệ ${f.label.charAt(0).toLocaleLowerCase('vi')}${f.label.slice(1)}`, type: 'percent', width: 14 });
  }
  const row = (stt: number | null, unit: string, expected: number, counted: number, values: Readonly<Record<string, number | null>>) => {
    const r: Record<string, XlsxValue> = { stt, unit, expected, counted };
    for (const f of figures) {
      r[`f:${f.key}`] = values[f.key] ?? null;
      if (f.of) {
        const part = values[f.key];
        const whole = values[f.of];
        r[`p:${f.key}`] = typeof part === 'number' && typeof whole === 'number' ? { part, whole } : null;
      }
    }
    return r;
  };
  const rows = l.consolidation.children.map((c, i) => row(i + 1, c.name, c.expected, c.counted, c.figures));
  const s = l.consolidation.summary;
  rows.push(row(null, 'Tổng cộng', s.expected, s.counted, Object.fromEntries(figures.map((f) => [f.key, f.value]))));
  const data = await tableToXlsx({ sheetName: 'Tổng hợp', title: `Tổng hợp ${l.obligation.title} - ${l.period.label}`, columns, rows });
  return { filename: fileName(`Tổng hợp số liệu - ${l.scope.unit.name} - ${l.period.label}`, 'xlsx'), data };
}
