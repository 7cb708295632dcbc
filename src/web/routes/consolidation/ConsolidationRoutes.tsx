import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { ConsolidationListPage } from './ConsolidationListPage.tsx';
import { ConsolidationPage } from './ConsolidationPage.tsx';

/** The pages of the consolidated report, under /consolidation. */
export function ConsolidationRoutes() {
  return (
    <Routes>
      <Route index element={<ConsolidationListPage />} />
      <Route path=":obligationId" element={<ConsolidationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
