import { Navigate, useParams } from 'react-router-dom';

/** A notification's link to a task instance opens the unit's work list with that task in view. */
export function TaskInstanceRedirect() {
  const { id = '' } = useParams();
  return <Navigate to={`/home?task=${encodeURIComponent(id)}`} replace />;
}
