import type { AccountPreview, AccountsPreviewInput } from '#shared/accounts.ts';
import type { ServiceContext } from '../context.ts';
import { planAccounts } from './plan-accounts.ts';

const SKIPPED_SHOWN = 200;

/** POST /api/accounts/preview: who would get an account, under which name, role and unit; who is skipped and why. */
export async function previewAccounts(input: AccountsPreviewInput, ctx: ServiceContext, canEmail: boolean): Promise<AccountPreview> {
  const plan = await planAccounts(ctx.tx, ctx.actor, input, ctx.now);
  return {
    total: plan.accounts.length,
    items: plan.accounts.slice(input.offset, input.offset + input.limit).map((a) => ({
      personId: a.personId, fullName: a.fullName, unitId: a.unitId, unitName: a.unitName, role: a.role, username: a.username, hasEmail: a.email !== null,
    })),
    skippedCount: {
      hasAccount: plan.skipped.filter((s) => s.reason === 'has_account').length,
      noMembership: plan.skipped.filter((s) => s.reason === 'no_membership').length,
    },
    skipped: plan.skipped.slice(0, SKIPPED_SHOWN),
    canEmail,
  };
}
