import type { Role } from '#core/access/roles.ts';
import { HCM } from './ho-chi-minh.ts';
import { KA, KA_CELLS } from './ky-anh.ts';
import { TQ } from './tuyen-quang.ts';

/** The password of every demo account (docs/demo.md). */
export const DEMO_PASSWORD = 'trienkhai-demo';

export interface DemoAccount {
  username: string;
  /** The unit of the grant (a ref of the demo data) and the role held there. */
  unit: string;
  role: Role;
  /** The person the account belongs to: the secretary of a unit, or one of its other members. */
  person: { unit: string; who: 'secretary' | 'member' } | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  // Staff act for their committee, so the grant is on the Đảng ủy Khối itself.
  { username: 'btg.duk', unit: TQ.duk, role: 'staff', person: { unit: TQ.dukBtg, who: 'member' } },
  // The đảng bộ cơ sở between them: it receives its cells' reports, consolidates them and reports to the Khối.
  { username: 'bithu.dangbo', unit: TQ.taiChinh, role: 'secretary', person: { unit: TQ.taiChinh, who: 'secretary' } },
  { username: 'bithu.chibo', unit: TQ.taiChinhVanPhong, role: 'secretary', person: { unit: TQ.taiChinhVanPhong, who: 'secretary' } },
  { username: 'ubkt.duk', unit: TQ.duk, role: 'inspector', person: { unit: TQ.dukUbkt, who: 'member' } },
  { username: 'xem.tinhuy', unit: TQ.tinhUy, role: 'viewer', person: null },
  { username: 'doan.khoi', unit: HCM.doanKhoi, role: 'staff', person: { unit: HCM.doanKhoi, who: 'member' } },
  // The round of personal plans at Kỳ Hoa (seed 003): the commune's Đảng ủy, a school's cell, one of its members.
  { username: 'bithu.kyhoa', unit: KA.kyHoa, role: 'secretary', person: { unit: KA.kyHoa, who: 'secretary' } },
  { username: 'bithu.tieuhoc', unit: KA_CELLS.kyHoaPrimarySchool, role: 'secretary', person: { unit: KA_CELLS.kyHoaPrimarySchool, who: 'secretary' } },
  { username: 'dangvien.tieuhoc', unit: KA_CELLS.kyHoaPrimarySchool, role: 'member', person: { unit: KA_CELLS.kyHoaPrimarySchool, who: 'member' } },
];
