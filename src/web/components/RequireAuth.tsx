import { Center, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api-client.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './PageLoader.tsx';
import { useMe } from './use-me.ts';

/**
 * Shows its children to a signed-in user; sends everyone else to the login page. A user who signed
 * in with a one-time password sees only `firstPassword` (the page that changes it) until they do.
 */
export function RequireAuth({ children, firstPassword }: { children: ReactNode; firstPassword: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Container size="sm" py="xl">
        <Center>
          <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
        </Center>
      </Container>
    );
  }
  if (me.data.mustChangePassword) return <>{firstPassword}</>;
  return <>{children}</>;
}
