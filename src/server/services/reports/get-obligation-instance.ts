import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { vietnamDate } from '#core/ids.ts';
import { readForm, sectionsOf } from '#core/reports/form.ts';
import { knownFigureSources, knownFiguresDate } from '#core/reports/known-figures.ts';
import type { Attachment, ObligationInstanceDetail, SubmissionVersion } from '#shared/reports.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { lookupInstance, isoTime, isoTimeOrNull } from '../../db/queries/reports.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';
import type { AttachmentLimits } from '#shared/attachments.ts';
import { reportWorkingSet, versionFiles } from '../../db/queries/attachments.ts';
import { canChangeReportFiles } from '../attachments/owners.ts';
import { limitsOf } from '../attachments/list-task-attachments.ts';
import { deadlineView } from './present.ts';
import { canEnterOnBehalf, canReview, canSubmit, notFound } from './rules.ts';

type VersionRow = {
  id: string;
  version: number;
  status: SubmissionVersion['status'];
  figures: Record<string, number | null>;
  narrative: Record<string, string>;
  attachments: Attachment[];
  createdById: string | null;
  createdByName: string | null;
  createdAt: unknown;
  updatedAt: unknown;
  submittedById: string | null;
  submittedByName: string | null;
  submittedAt: unknown;
  reviewComment: string | null;
  reviewedById: string | null;
  reviewedByName: string | null;
  reviewedAt: unknown;
  enteredOnBehalf: boolean;
};

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/**
 * One report a unit owes, with every version ever saved (oldest first) — figures, narrative,
 * attachments, who saved, submitted and reviewed it and when, the review comment — and what the
 * reader may do now. Throws NOT_FOUND when the instance is out of the actor's sight.
 */
export async function getObligationInstance(id: string, limits: AttachmentLimits, { actor, tx, now }: ServiceContext): Promise<ObligationInstanceDetail> {
  const inst = await lookupInstance(tx, id);
  if (!inst || inst.status === 'cancelled' || !can(actor, 'read', inst.unitPath)) throw notFound();
  const meta = await tx.execute<{
    number: string | null;
    planTitle: string | null;
    planUnitName: string;
    fromText: string | null;
    toText: string | null;
    viaText: string | null;
    toUnitName: string | null;
    viaUnitName: string | null;
    cutoffDay: number | null;
    hidden: boolean;
  }>(sql`
    SELECT d.number, d.title AS "planTitle", ${secretHiddenSql(actor, sql`p.id`)} AS hidden, pu.name AS "planUnitName", ro.from_text AS "fromText", ro.to_text AS "toText",
           ro.via_text AS "viaText", tu.name AS "toUnitName", vu.name AS "viaUnitName", ro.cutoff_day AS "cutoffDay"
    FROM report_obligation ro
    JOIN plan p ON p.id = ro.plan_id
    JOIN document d ON d.id = p.id
    JOIN unit pu ON pu.id = p.unit_id
    LEFT JOIN unit tu ON tu.id = ro.to_unit_id
    LEFT JOIN unit vu ON vu.id = ro.via_unit_id
    WHERE ro.id = ${inst.obligationId}`);
  // A unit carrying out a secret plan it may not read files its report without the plan's words.
  const row = meta.rows[0]!;
  const m = maskSecret(row, row.hidden, { number: 'number', planTitle: 'plan' });
  const title = maskSecret({ title: inst.title }, row.hidden, { title: 'report' }).title;
  const versions = await tx.execute<VersionRow>(sql`
    SELECT s.id, s.version, s.status, s.figures, s.narrative, s.attachments,
           s.created_by AS "createdById", coalesce(pc.full_name, uc.username) AS "createdByName", s.created_at AS "createdAt", s.updated_at AS "updatedAt",
           s.submitted_by AS "submittedById", coalesce(ps.full_name, us.username) AS "submittedByName", s.submitted_at AS "submittedAt",
           s.review_comment AS "reviewComment", s.reviewed_by AS "reviewedById", coalesce(pr.full_name, ur.username) AS "reviewedByName",
           s.reviewed_at AS "reviewedAt", s.entered_on_behalf AS "enteredOnBehalf"
    FROM submission s
    LEFT JOIN app_user uc ON uc.id = s.created_by LEFT JOIN person pc ON pc.id = uc.person_id
    LEFT JOIN app_user us ON us.id = s.submitted_by LEFT JOIN person ps ON ps.id = us.person_id
    LEFT JOIN app_user ur ON ur.id = s.reviewed_by LEFT JOIN person pr ON pr.id = ur.person_id
    WHERE s.obligation_instance_id = ${inst.id}
    ORDER BY s.version`);
  const receiverName = inst.receiverUnitId
    ? ((await tx.execute<{ name: string }>(sql`SELECT name FROM unit WHERE id = ${inst.receiverUnitId}`)).rows[0]?.name ?? '')
    : '';
  const form = readForm(inst.form);
  const open = inst.status === 'pending' || inst.status === 'draft' || inst.status === 'returned';
  const known: ObligationInstanceDetail['known'] = {};
  const knownKeys = Object.keys(knownFigureSources(form.figures));
  if (knownKeys.length > 0) {
    const asOf = knownFiguresDate(inst, vietnamDate(now));
    const members = await tx.execute<{ n: number }>(sql`
      SELECT count(DISTINCT m.person_id)::int AS n
      FROM membership m JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = m.unit_id
      WHERE u.path <@ ${inst.unitPath}::ltree AND p.deleted_at IS NULL AND m.category IN ('party_full', 'party_probationary')
        AND m.valid_from <= ${asOf}::date AND (m.valid_to IS NULL OR m.valid_to > ${asOf}::date)`);
    for (const key of knownKeys) known[key] = { value: members.rows[0]?.n ?? 0, source: 'party_members', asOf };
  }
  const status = inst.status;
  const workingSet = await reportWorkingSet(tx, inst.id);
  const sentFiles = await versionFiles(tx, inst.id);
  return {
    id: inst.id,
    periodKey: inst.periodKey,
    periodLabel: inst.periodLabel,
    periodStart: inst.periodStart,
    periodEnd: inst.periodEnd,
    dueDate: inst.dueDate,
    status,
    ...deadlineView(inst, vietnamDate(now)),
    currentVersion: inst.currentVersion,
    firstSubmittedOn: inst.firstSubmittedOn,
    unit: { id: inst.unitId, name: inst.unitName },
    plan: { id: inst.planId, number: m.number, title: m.planTitle, unitId: inst.planUnitId, unitName: m.planUnitName },
    obligation: {
      id: inst.obligationId,
      title,
      fromText: m.fromText,
      toText: m.toText,
      viaText: m.viaText,
      toUnitName: m.toUnitName,
      viaUnitName: m.viaUnitName,
      cutoffDay: m.cutoffDay,
      form: { figures: form.figures.map((f) => ({ key: f.key, label: f.label, unit: f.unit ?? null, of: f.of ?? null })), sections: sectionsOf(form) },
    },
    versions: versions.rows.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      figures: v.figures,
      narrative: v.narrative,
      attachments: v.attachments,
      files: v.status === 'draft' ? workingSet : (sentFiles.get(v.id) ?? []),
      createdBy: ref(v.createdById, v.createdByName),
      createdAt: isoTime(v.createdAt),
      updatedAt: isoTime(v.updatedAt),
      submittedBy: ref(v.submittedById, v.submittedByName),
      submittedAt: isoTimeOrNull(v.submittedAt),
      enteredOnBehalf: v.enteredOnBehalf,
      reviewComment: v.reviewComment,
      reviewedBy: ref(v.reviewedById, v.reviewedByName),
      reviewedAt: isoTimeOrNull(v.reviewedAt),
    })),
    can: {
      submit: open && inst.planStatus === 'published' && canSubmit(actor, inst.unitPath),
      enterOnBehalf: open && inst.planStatus === 'published' && !canSubmit(actor, inst.unitPath) && canEnterOnBehalf(actor, inst.unitPath),
      review: status === 'submitted' && canReview(actor, inst),
    },
    files: {
      items: workingSet,
      limits: limitsOf(limits),
      can: { change: canChangeReportFiles(actor, inst, false) || canChangeReportFiles(actor, inst, true) },
    },
    receiver: inst.receiverUnitId ? { id: inst.receiverUnitId, name: receiverName } : null,
    known,
  };
}
