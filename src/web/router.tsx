import { lazy } from 'react';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.tsx';
import { Landing } from './components/Landing.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { RouteError } from './components/RouteError.tsx';
import { LazyPage } from './components/LazyPage.tsx';

/** React.lazy over a module's named export: each route module is its own chunk. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import('./routes/auth/LoginPage.tsx'), 'LoginPage');
const ChangePasswordPage = page(() => import('./routes/auth/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const FirstPasswordPage = page(() => import('./routes/auth/FirstPasswordPage.tsx'), 'FirstPasswordPage');
const TreePage = page(() => import('./routes/units/TreePage.tsx'), 'TreePage');
// The unit page shows the members module's list in a tab: the two modules meet here, not in each other.
const UnitPage = lazy(async () => {
  const [units, members] = await Promise.all([import('./routes/units/UnitPage.tsx'), import('./routes/members/MembersPanel.tsx')]);
  return { default: () => <units.UnitPage membersPanel={members.MembersPanel} /> };
});
const MembersPage = page(() => import('./routes/members/MembersPage.tsx'), 'MembersPage');
const PersonPage = page(() => import('./routes/members/PersonPage.tsx'), 'PersonPage');
const UsersPage = page(() => import('./routes/users/UsersPage.tsx'), 'UsersPage');
const BulkAccountsPage = page(() => import('./routes/users/BulkAccountsPage.tsx'), 'BulkAccountsPage');
const AuditPage = page(() => import('./routes/audit/AuditPage.tsx'), 'AuditPage');
const DocumentsRoutes = page(() => import('./routes/documents/DocumentsRoutes.tsx'), 'DocumentsRoutes');
const HomePage = page(() => import('./routes/home/HomePage.tsx'), 'HomePage');
const TaskInstanceRedirect = page(() => import('./routes/home/TaskInstanceRedirect.tsx'), 'TaskInstanceRedirect');
const PlansRoutes = page(() => import('./routes/plans/PlansRoutes.tsx'), 'PlansRoutes');
const ReportPage = page(() => import('./routes/reports/ReportPage.tsx'), 'ReportPage');
const MeetingsRoutes = page(() => import('./routes/meetings/MeetingsRoutes.tsx'), 'MeetingsRoutes');
const ObligationStatusPage = page(() => import('./routes/reports/ObligationStatusPage.tsx'), 'ObligationStatusPage');
const PersonalPlansRoutes = page(() => import('./routes/personal-plans/PersonalPlansRoutes.tsx'), 'PersonalPlansRoutes');
const ConsolidationRoutes = page(() => import('./routes/consolidation/ConsolidationRoutes.tsx'), 'ConsolidationRoutes');
const SetupPage = page(() => import('./routes/setup/SetupPage.tsx'), 'SetupPage');
const NotFoundPage = page(() => import('./components/NotFoundPage.tsx'), 'NotFoundPage');

export const router = createBrowserRouter([
  { path: '/login', element: <LazyPage page={LoginPage} />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth firstPassword={<LazyPage page={FirstPasswordPage} />}>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Landing /> },
      { path: 'units', element: <TreePage /> },
      { path: 'units/:id', element: <UnitPage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'users/bulk', element: <BulkAccountsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'documents/*', element: <DocumentsRoutes /> },
      { path: 'home', element: <HomePage /> },
      { path: 'task-instances/:id', element: <TaskInstanceRedirect /> },
      { path: 'plans/*', element: <PlansRoutes /> },
      { path: 'obligation-instances/:id', element: <ReportPage /> },
      { path: 'obligations/:id/status', element: <ObligationStatusPage /> },
      { path: 'meetings/*', element: <MeetingsRoutes /> },
      { path: 'personal-plans/*', element: <PersonalPlansRoutes /> },
      { path: 'consolidation/*', element: <ConsolidationRoutes /> },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
