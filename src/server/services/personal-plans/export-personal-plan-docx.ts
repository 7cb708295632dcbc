import { DomainError } from '#core/errors.ts';
import { vietnamDate, type IsoDate } from '#core/ids.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import { printedVersion, renderPersonalPlanDocx } from '../../writers/docx/render-personal-plan.ts';
import type { ServiceContext } from '../context.ts';
import { fileName, getIssuer } from '../exports/issuer-context.ts';
import { getPersonalPlan } from './get-personal-plan.ts';

/**
 * GET /api/rounds/:id/plans/:personId/plan.docx: the member's plan printed as its form, with the
 * confirmation block — read through getPersonalPlan, so whoever may not read the plan gets the
 * same 404 (docs/decisions/020). The header names the unit that manages the member (and the Party
 * organisation above it), dated the day the printed version was submitted, else today.
 */
export async function exportPersonalPlanDocx(roundId: string, personId: string, ctx: ServiceContext): Promise<{ filename: string; data: Buffer }> {
  const view = await getPersonalPlan(roundId, personId, ctx);
  const unit = await lookupUnit(ctx.tx, view.person.unitId);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị quản lý thành viên.');
  const issuer = await getIssuer(ctx.tx, unit.path);
  const version = printedVersion(view);
  const date = (version?.submittedOn ?? vietnamDate(ctx.now)) as IsoDate;
  const data = await renderPersonalPlanDocx({
    view,
    managingUnit: unit.name,
    roundUnit: view.round.unitName,
    place: issuer.place,
    date,
    issuer: issuer.lines,
  });
  return { filename: fileName(`Kế hoạch cá nhân - ${view.person.fullName} - ${view.form.label}`, 'docx'), data };
}
