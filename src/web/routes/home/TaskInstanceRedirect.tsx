import { Navigate } from 'react-router-dom';
import { useRouteId } from '../../components/use-route-id.ts';

/** A notification's link to a task instance opens the unit's work list with that task in view. */
export function TaskInstanceRedirect() {
  const id = useRouteId();
  return <Navigate to={`/home?task=${encodeURIComponent(id)}`} replace />;
}
