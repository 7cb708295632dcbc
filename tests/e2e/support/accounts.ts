/** The administrator the e2e server is started with (TRIENKHAI_ADMIN_PASSWORD). */
export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'admin-e2e-123';
