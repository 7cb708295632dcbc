import { useParams } from 'react-router-dom';

/** The `:id` of the page's address (the record the page shows). */
export function useRouteId(): string {
  const { id = '' } = useParams();
  return id;
}
