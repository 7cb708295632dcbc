import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PlanEditorPage } from './PlanEditorPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { PlansPage } from './PlansPage.tsx';

/** The pages of the plans module, under /plans. */
export function PlansRoutes() {
  return (
    <Routes>
      <Route index element={<PlansPage />} />
      <Route path="new" element={<PlanEditorPage />} />
      <Route path=":id" element={<PlanPage />} />
      <Route path=":id/edit" element={<PlanEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
