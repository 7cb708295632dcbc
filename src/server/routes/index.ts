import audit from './audit.ts';
import auth from './auth.ts';
import type { RouteModule } from './context.ts';
import health from './health.ts';
import members from './members.ts';
import units from './units.ts';
import users from './users.ts';

/** Every route module, registered in this order by buildApp. */
export const routeModules: RouteModule[] = [health, auth, units, users, audit, members];
