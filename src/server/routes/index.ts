import accounts from './accounts.ts';
import attachments from './attachments.ts';
import audit from './audit.ts';
import auth from './auth.ts';
import consolidation from './consolidation.ts';
import type { RouteModule } from './context.ts';
import documents from './documents.ts';
import exportsRoutes from './exports.ts';
import health from './health.ts';
import meetings from './meetings.ts';
import members from './members.ts';
import notifications from './notifications.ts';
import personalPlans from './personal-plans.ts';
import personalPlanDocuments from './personal-plan-documents.ts';
import reports from './reports.ts';
import reviews from './reviews.ts';
import setup from './setup.ts';
import plans from './plans.ts';
import taskInstances from './task-instances.ts';
import units from './units.ts';
import users from './users.ts';

/** Every route module, registered in this order by buildApp. */
export const routeModules: RouteModule[] = [health, auth, units, users, accounts, audit, members, reports, notifications, plans, taskInstances, attachments, documents, meetings, personalPlans, personalPlanDocuments, reviews, consolidation, exportsRoutes, setup];
