import { ModuleRoutes } from '../../components/ModuleRoutes.tsx';
import { PersonalPlansPage } from './PersonalPlansPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { RoundPage } from './RoundPage.tsx';

/** The pages of personal plans and pledges, under /personal-plans. */
export function PersonalPlansRoutes() {
  return (
    <ModuleRoutes
      pages={{
        '': <PersonalPlansPage />,
        'rounds/:id': <RoundPage />,
        'rounds/:id/plans/:personId': <PlanPage />,
      }}
    />
  );
}
