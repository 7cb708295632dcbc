import { ModuleRoutes } from '../../components/ModuleRoutes.tsx';
import { ConsolidationListPage } from './ConsolidationListPage.tsx';
import { ConsolidationPage } from './ConsolidationPage.tsx';

/** The pages of the consolidated report, under /consolidation. */
export function ConsolidationRoutes() {
  return <ModuleRoutes pages={{ '': <ConsolidationListPage />, ':obligationId': <ConsolidationPage /> }} />;
}
