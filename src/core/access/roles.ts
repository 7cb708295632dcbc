/**
 * Access roles (the API names of issue "Foundation") and what each may do. A grant of a role on
 * a unit covers that unit and everything below it in the tree.
 */
export const ROLES = ['admin', 'secretary', 'deputy_secretary', 'committee_member', 'staff', 'inspector', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  secretary: { vi: 'Bí thư', en: 'Secretary' },
  deputy_secretary: { vi: 'Phó Bí thư', en: 'Deputy secretary' },
  committee_member: { vi: 'Cấp ủy viên', en: 'Committee member' },
  staff: { vi: 'Cán bộ văn phòng, ban', en: 'Office / department staff' },
  inspector: { vi: 'Ủy ban Kiểm tra', en: 'Inspection commission' },
  member: { vi: 'Đảng viên, thành viên', en: 'Member' },
  viewer: { vi: 'Chỉ xem', en: 'Viewer' },
};

/**
 * What a request wants to do to a part of the tree.
 * - `read`: see units, members and the work of the subtree
 * - `write`: do the unit's own work (update tasks, fill reports); used by later modules
 * - `manage_units`: create, rename, move, merge, split, dissolve units
 * - `manage_members`: add, edit, transfer and import members
 * - `manage_users`: create users and grant roles within the subtree
 * - `read_audit`: read the audit log of the subtree
 */
export const ACTIONS = ['read', 'write', 'manage_units', 'manage_members', 'manage_users', 'read_audit'] as const;
export type Action = (typeof ACTIONS)[number];

const CAN: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  secretary: ['read', 'write', 'manage_units', 'manage_members', 'manage_users', 'read_audit'],
  deputy_secretary: ['read', 'write', 'manage_units', 'manage_members', 'read_audit'],
  staff: ['read', 'write', 'manage_units', 'manage_members', 'manage_users'],
  committee_member: ['read', 'write', 'read_audit'],
  inspector: ['read', 'read_audit'],
  member: ['read'],
  viewer: ['read'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return CAN[role].includes(action);
}

/** Roles a holder of `role` may grant to others (never more than they hold). */
export function grantableRoles(role: Role): readonly Role[] {
  if (role === 'admin') return ROLES;
  if (role === 'secretary' || role === 'staff') return ROLES.filter((r) => r !== 'admin');
  return [];
}
