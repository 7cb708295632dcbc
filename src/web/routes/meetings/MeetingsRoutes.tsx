import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
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
    <Routes>
      <Route index element={<MeetingsPage />} />
      <Route path="new" element={<PlanMeetingPage />} />
      <Route path="upcoming" element={<UpcomingPage />} />
      <Route path="coverage" element={<CoveragePage />} />
      <Route path="quality" element={<QualityPage />} />
      <Route path="campaigns" element={<CampaignsPage />} />
      <Route path="campaigns/:id" element={<CampaignPage />} />
      <Route path="rules" element={<RuleSetsPage />} />
      <Route path=":id" element={<MeetingPage />} />
      <Route path=":id/attendance" element={<AttendancePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
