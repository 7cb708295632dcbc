import { ModuleRoutes } from '../../components/ModuleRoutes.tsx';
import { PlanEditorPage } from './PlanEditorPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { PlansPage } from './PlansPage.tsx';

/** The pages of the plans module, under /plans. */
export function PlansRoutes() {
  return <ModuleRoutes pages={{ '': <PlansPage />, new: <PlanEditorPage />, ':id': <PlanPage />, ':id/edit': <PlanEditorPage /> }} />;
}
