import { z } from './common.ts';
import { UnitCreateSchema } from './units.ts';

/** A unit at the top of the tree (a Đảng ủy Khối, a Tỉnh ủy): what the first-run guide's first step creates. */
export const TopUnitCreateSchema = UnitCreateSchema.omit({ parentId: true });
export type TopUnitCreate = z.infer<typeof TopUnitCreateSchema>;

/** How far an installation is set up: the first-run guide's four steps, each from a count. */
export const SetupStatusSchema = z.object({
  topUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Active units, the top units included. */
  units: z.number().int(),
  /** People with an active membership. */
  members: z.number().int(),
  /** Accounts other than the system's administrators, not disabled. */
  accounts: z.number().int(),
  /** Active members holding "bí thư" with no account yet: the accounts step is not done while any is left. */
  secretariesWithoutAccount: z.number().int(),
});
export type SetupStatus = z.infer<typeof SetupStatusSchema>;
