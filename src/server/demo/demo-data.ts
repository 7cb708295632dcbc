import type { IsoDate } from '../../core/ids.ts';
import type { Tx } from '../db/client.ts';
import { insertUnit } from '../services/units/create-unit.ts';
import { recordEvent } from '../db/queries/units.ts';

/** Placeholder demo tree; replaced by the full demo organisation built from the seeds. */
export async function loadDemoData(tx: Tx, _now: Date): Promise<void> {
  const from = '2020-10-01' as IsoDate;
  const tinh = await insertUnit(tx, { parentId: null, parentPath: null, parentProvinceId: null, kind: 'province_committee', name: 'Tỉnh ủy Tuyên Quang', shortName: 'TU', validFrom: from });
  const khoi = await insertUnit(tx, { parentId: tinh.id, parentPath: tinh.path, parentProvinceId: tinh.id, kind: 'bloc_committee', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', shortName: 'ĐUK', validFrom: from });
  await recordEvent(tx, { kind: 'create', on: from, before: [], after: [tinh.id, khoi.id], actorId: null });
}
