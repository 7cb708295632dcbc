import { sql } from 'drizzle-orm';

/** The access roles that make a user one of a unit's leaders, who receive its reminders and urgings. */
export const LEADER_ROLES = ['secretary', 'deputy_secretary', 'staff'] as const;
/** LEADER_ROLES as a SQL list, for `g.role IN ${LEADER_ROLES_SQL}`. */
export const LEADER_ROLES_SQL = sql.raw(`('${LEADER_ROLES.join("', '")}')`);
