import { lazy } from 'react';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AppLayout } from './AppLayout.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { RouteError } from './RouteError.tsx';
import { LazyPage } from './LazyPage.tsx';

/** React.lazy over a module's named export: each route module is its own chunk. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import('../routes/auth/LoginPage.tsx'), 'LoginPage');
const ChangePasswordPage = page(() => import('../routes/auth/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const TreePage = page(() => import('../routes/units/TreePage.tsx'), 'TreePage');
const UnitPage = page(() => import('../routes/units/UnitPage.tsx'), 'UnitPage');
const MembersPage = page(() => import('../routes/members/MembersPage.tsx'), 'MembersPage');
const PersonPage = page(() => import('../routes/members/PersonPage.tsx'), 'PersonPage');
const UsersPage = page(() => import('../routes/users/UsersPage.tsx'), 'UsersPage');
const AuditPage = page(() => import('../routes/audit/AuditPage.tsx'), 'AuditPage');
const DocumentsRoutes = page(() => import('../routes/documents/DocumentsRoutes.tsx'), 'DocumentsRoutes');
const NotFoundPage = page(() => import('./NotFoundPage.tsx'), 'NotFoundPage');

export const router = createBrowserRouter([
  { path: '/login', element: <LazyPage page={LoginPage} />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/units" replace /> },
      { path: 'units', element: <TreePage /> },
      { path: 'units/:id', element: <UnitPage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'documents/*', element: <DocumentsRoutes /> },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
