import { Navigate } from 'react-router-dom';
import { landingPath } from './landing.ts';
import { PageLoader } from './PageLoader.tsx';
import { useMe } from './use-me.ts';

/** The address "/": the user's own landing page (the tree for an administrator, "Việc cần làm" for who does the work). */
export function Landing() {
  const me = useMe().data;
  if (!me) return <PageLoader />;
  return <Navigate to={landingPath(me)} replace />;
}
