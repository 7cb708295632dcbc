import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { addDays } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import type { PlanArea } from '#core/personal-plans/forms.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import { RoundCreateSchema } from '#shared/personal-plans.ts';
import type { PlanSections } from '#shared/personal-plans.ts';
import type { Tx } from '../db/client.ts';
import { roundRecords } from '../db/queries/personal-plans.ts';
import { confirmPlan, returnPlan, submitPlan } from '../services/personal-plans/change-plan.ts';
import { launchRound } from '../services/personal-plans/launch-round.ts';
import { sendUp } from '../services/personal-plans/send-up.ts';
import { createPlan } from '../services/plans/create-plan.ts';
import { publishPlan } from '../services/plans/publish-plan.ts';
import { KA, KA_CELLS } from './ky-anh.ts';
import { Rng } from './names.ts';
import type { DemoPlan } from './plan.ts';

/** What members write, by area: commitments of the kind seed 003's forms ask for. */
const COMMITMENTS: readonly [PlanArea, string][] = [
  ['political_thought', 'Thường xuyên học tập, nghiên cứu Nghị quyết, Chỉ thị của Đảng; không nói, làm trái quan điểm, đường lối của Đảng.'],
  ['ethics_lifestyle', 'Giữ gìn phẩm chất đạo đức, lối sống giản dị; tiết kiệm, chống lãng phí trong gia đình và nơi công tác.'],
  ['self_criticism', 'Thẳng thắn tự phê bình và phê bình trong sinh hoạt chi bộ; sửa ngay những hạn chế được góp ý.'],
  ['people_relations', 'Gần dân, lắng nghe ý kiến Nhân dân trong thôn; tham gia giải quyết kịp thời kiến nghị của bà con.'],
  ['work_responsibility', 'Hoàn thành nhiệm vụ được giao đúng tiến độ, không để tồn đọng hồ sơ, công việc.'],
  ['discipline_unity', 'Tham gia đầy đủ sinh hoạt chi bộ; chấp hành nghiêm sự phân công của tổ chức; giữ gìn đoàn kết nội bộ.'],
  ['remedy_shortcomings', 'Khắc phục hạn chế đã được chỉ ra trong kiểm điểm năm trước về việc tham gia sinh hoạt chưa đều.'],
];
const EXAMPLES: readonly { text: string; group: 'long_standing' | 'breakthrough' }[] = [
  { text: 'Chỉ đạo giải quyết dứt điểm các vụ việc tranh chấp đất đai kéo dài trên địa bàn.', group: 'long_standing' },
  { text: 'Đi đầu vận động Nhân dân hiến đất làm đường giao thông nông thôn.', group: 'breakthrough' },
  { text: 'Đổi mới cách sinh hoạt chi bộ: gửi tài liệu trước, mỗi kỳ một chuyên đề gắn với việc của thôn.', group: 'breakthrough' },
];

/** The plan a member writes in the demo: one or two items, and a leader's example-setting item. */
function writtenPlan(rng: Rng, leader: boolean): PlanSections {
  const first = rng.int(0, COMMITMENTS.length - 1);
  const picked = rng.chance(0.5) ? [first] : [first, (first + rng.int(1, COMMITMENTS.length - 1)) % COMMITMENTS.length];
  const items = picked.map((i) => ({ text: COMMITMENTS[i]![1], area: COMMITMENTS[i]![0] }));
  return leader ? { items, example: [rng.pick(EXAMPLES)] } : { items };
}

const SYSTEM: Actor = { userId: '00000000-0000-0000-0000-000000000000', username: 'system', superuser: true, grants: [] };

/**
 * The round of seed 003 at Kỳ Hoa, in progress on the day the demo is loaded: the commune's Đảng ủy
 * publishes its plan for the year's theme, with the task that every cadre and party member write a
 * personal plan, and launches the round from it — Mẫu 04 for the village cells, Mẫu 02 for the
 * committee, its departments, the schools and the military cell, Mẫu 04 for youth and association
 * members. The deadline passed a week ago: some members submitted (a few late, entered by their
 * secretary from paper), some plans were confirmed and one returned, the rest are still due; one
 * village cell has sent its confirmed plans up. The member of the demo account `dangvien.tieuhoc`
 * has not started, so that their plan can be written.
 */
export async function loadDemoRound(tx: Tx, now: Date, plan: DemoPlan): Promise<void> {
  const s = { actor: SYSTEM, tx, now };
  const ref = (key: string) => {
    const id = plan.refs.get(key);
    if (!id) throw new Error(`Demo: unknown unit "${key}"`);
    return id;
  };
  const commune = ref(KA.kyHoa);
  const today = vietnamDate(now);
  const issued = addDays(today, -30);
  const year = Number(issued.slice(0, 4));
  const submitBy = addDays(today, -7);
  const { id: planId } = await createPlan(PlanDraftSchema.parse({
    unitId: commune, number: '12-KH/ĐU', issuedOn: issued,
    title: `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chủ đề năm ${year}`,
    tasks: [{
      text: `Cán bộ, đảng viên xây dựng kế hoạch cá nhân thực hiện Chủ đề năm ${year} (Mẫu 02, Mẫu 04); chi bộ tổ chức sinh hoạt chuyên đề góp ý, xác nhận và gửi Đảng ủy`,
      due: { type: 'date', value: addDays(today, 21) }, audience: { scope: 'grassroots' },
    }],
    obligations: [{
      title: 'Báo cáo kết quả xây dựng, xác nhận kế hoạch cá nhân', due: [{ type: 'date', value: addDays(today, 21) }], audience: { scope: 'grassroots' },
      form: {
        figures: [
          { key: 'tong_so', label: 'Tổng số đảng viên phải xây dựng kế hoạch', unit: 'người' },
          { key: 'so_da_lap', label: 'Số đảng viên đã xây dựng kế hoạch cá nhân', unit: 'người', of: 'tong_so' },
          { key: 'so_da_xac_nhan', label: 'Số kế hoạch được chi bộ xác nhận', unit: 'người' },
          { key: 'dang_ky_neu_guong', label: 'Số đồng chí lãnh đạo chủ chốt đăng ký nêu gương', unit: 'người' },
        ],
        sections: [{ key: 'ket_qua', title: 'Kết quả thực hiện' }, { key: 'kien_nghi', title: 'Kiến nghị, đề xuất' }],
      },
    }],
  }), s);
  await publishPlan({ planId }, s);
  const taskId = (await tx.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${planId}`)).rows[0]!.id;
  const forms = new Map((await tx.execute<{ id: string; code: string }>(sql`SELECT id, code FROM plan_form WHERE unit_id IS NULL`)).rows.map((f) => [f.code, f.id] as const));
  const villages = KA_CELLS.kyHoaVillages.map(ref);
  const { id: round } = await launchRound(RoundCreateSchema.parse({
    kind: 'personal_plan', unitId: commune, planId, taskId, scope: 'year', year,
    title: `Đăng ký kế hoạch cá nhân thực hiện Chủ đề năm ${year}`,
    assignments: [
      { formId: forms.get('mau-04'), categories: ['party_full', 'party_probationary'], unitIds: villages },
      { formId: forms.get('mau-02'), categories: ['party_full', 'party_probationary', 'cadre', 'worker'] },
      { formId: forms.get('mau-04'), categories: ['youth', 'association'] },
    ],
    submitBy, confirmBy: addDays(today, 14), sendUpBy: addDays(today, 21),
  }), s);

  const keep = (await tx.execute<{ personId: string }>(sql`SELECT person_id AS "personId" FROM app_user WHERE username = 'dangvien.tieuhoc'`)).rows[0]?.personId;
  const communePath = (await tx.execute<{ path: TreePath }>(sql`SELECT path::text AS path FROM unit WHERE id = ${commune}`)).rows[0]!.path;
  const records = await tx.execute<{ personId: string; unitId: string; leader: boolean }>(sql`
    SELECT person_id AS "personId", unit_id AS "unitId", leader FROM (${roundRecords('personal_plan', round, { path: communePath })}) x ORDER BY unit_id, person_id`);
  const rng = new Rng('demo-personal-plans');
  for (const r of records.rows) {
    if (r.personId === keep || !rng.chance(0.55)) continue;
    const late = rng.chance(0.3);
    const submittedOn = (late ? addDays(submitBy, rng.int(1, 5)) : addDays(submitBy, -rng.int(1, 12))) as IsoDate;
    await submitPlan(round, r.personId, { sections: writtenPlan(rng, r.leader), submittedOn }, s);
    const next = rng.next();
    if (next < 0.55) await confirmPlan(round, r.personId, s);
    else if (next < 0.62) await returnPlan(round, r.personId, { comment: 'Đề nghị nêu cụ thể việc làm, thời gian hoàn thành từng nội dung.' }, s);
  }
  await sendUp(round, villages[0]!, { note: 'Đã sinh hoạt chuyên đề góp ý kế hoạch cá nhân.' }, s).catch(() => undefined);
}
