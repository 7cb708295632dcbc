import { ModuleRoutes } from '../../components/ModuleRoutes.tsx';
import { AttendancePage } from './AttendancePage.tsx';
import { CampaignPage } from './CampaignPage.tsx';
import { CampaignsPage } from './CampaignsPage.tsx';
import { CoveragePage } from './CoveragePage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { MeetingsPage } from './MeetingsPage.tsx';
import { PlanMeetingPage } from './PlanMeetingPage.tsx';
import { QualityPage } from './QualityPage.tsx';
import { RuleSetsPage } from './RuleSetsPage.tsx';
import { UpcomingPage } from './UpcomingPage.tsx';

/** The pages of the meetings module, under /meetings. */
export function MeetingsRoutes() {
  return (
    <ModuleRoutes
      pages={{
        '': <MeetingsPage />,
        new: <PlanMeetingPage />,
        upcoming: <UpcomingPage />,
        coverage: <CoveragePage />,
        quality: <QualityPage />,
        campaigns: <CampaignsPage />,
        'campaigns/:id': <CampaignPage />,
        rules: <RuleSetsPage />,
        ':id': <MeetingPage />,
        ':id/attendance': <AttendancePage />,
      }}
    />
  );
}
