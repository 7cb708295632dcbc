import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceRoster, AttendanceSave, CampaignCoverage, CampaignCreateInput, CampaignView, CoverageRollup, MeetingDetail, MeetingList, MeetingSaved,
  QualityReport, RuleSetView, UpcomingMeetings,
} from '#shared/meetings.ts';
import { api } from '../../api-client.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import type { Notice } from '../../components/use-mutation-with-notice.ts';

export const MEETINGS_PAGE = 20;

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (unitId: string, page: number) => ['meetings', 'list', unitId, page] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  attendance: (id: string) => ['meetings', 'attendance', id] as const,
  upcoming: (unitId: string) => ['meetings', 'upcoming', unitId] as const,
  coverage: (unitId: string, from: string, to: string) => ['meetings', 'coverage', unitId, from, to] as const,
  quality: (unitId: string, year: string) => ['meetings', 'quality', unitId, year] as const,
  rules: (unitId: string) => ['meetings', 'rules', unitId] as const,
  rapporteurs: (unitId: string) => ['meetings', 'rapporteurs', unitId] as const,
  campaigns: (unitId: string) => ['meetings', 'campaigns', unitId] as const,
  campaign: (id: string) => ['meetings', 'campaign', id] as const,
  campaignCoverage: (id: string, unitId: string) => ['meetings', 'campaign-coverage', id, unitId] as const,
};

export function useMeetings(unitId: string, page: number) {
  return useQuery({
    queryKey: meetingKeys.list(unitId, page),
    queryFn: ({ signal }) => api.get<MeetingList>(`/api/units/${unitId}/meetings`, { limit: MEETINGS_PAGE, offset: (page - 1) * MEETINGS_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`) });
}

export function useAttendance(id: string) {
  return useQuery({ queryKey: meetingKeys.attendance(id), queryFn: () => api.get<AttendanceRoster>(`/api/meetings/${id}/attendance`) });
}

export function useUpcoming(unitId: string) {
  return useQuery({ queryKey: meetingKeys.upcoming(unitId), queryFn: () => api.get<UpcomingMeetings>('/api/meetings/upcoming', { unit: unitId, days: 90 }) });
}

export function useCoverage(unitId: string, from: string, to: string) {
  return useQuery({
    queryKey: meetingKeys.coverage(unitId, from, to),
    queryFn: () => api.get<CoverageRollup>('/api/meetings/coverage', { unit: unitId, from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useQuality(unitId: string, year: string) {
  return useQuery({
    queryKey: meetingKeys.quality(unitId, year),
    queryFn: () => api.get<QualityReport>('/api/meetings/quality', { unit: unitId, from: `${year}-01-01`, to: `${year}-12-31` }),
    placeholderData: keepPreviousData,
  });
}

export function useRuleSets(unitId: string) {
  return useQuery({ queryKey: meetingKeys.rules(unitId), queryFn: () => api.get<{ items: RuleSetView[] }>('/api/meeting-rules', { unit: unitId }) });
}

export function useRapporteurs(unitId: string) {
  return useQuery({
    queryKey: meetingKeys.rapporteurs(unitId),
    queryFn: () => api.get<{ items: { personId: string; name: string; unitId: string; unitName: string }[] }>(`/api/units/${unitId}/rapporteurs`),
  });
}

export function useCampaigns(unitId: string) {
  return useQuery({
    queryKey: meetingKeys.campaigns(unitId),
    queryFn: () => api.get<{ items: { id: string; unitId: string; unitName: string; title: string; firstMonth: string; lastMonth: string; months: number }[] }>('/api/campaigns', { unit: unitId }),
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: meetingKeys.campaign(id), queryFn: () => api.get<CampaignView>(`/api/campaigns/${id}`), enabled: id !== '' });
}

export function useCampaignCoverage(id: string, unitId: string) {
  return useQuery({ queryKey: meetingKeys.campaignCoverage(id, unitId), queryFn: () => api.get<CampaignCoverage>(`/api/campaigns/${id}/coverage`, { unit: unitId }) });
}

/** Any change to meetings: the lists, figures and the changed meeting are read again. */
function useMeetingChange<V, R>(mutationFn: (vars: V) => Promise<R>, notice: Notice<V, R>) {
  return useMutationWithNotice({ mutationFn, invalidates: [meetingKeys.all], ...notice });
}

export const useCreateMeeting = (notice: Notice<unknown, MeetingSaved>) => useMeetingChange((body: unknown) => api.post<MeetingSaved>('/api/meetings', body), notice);

export const useUpdateMeeting = (id: string, notice: Notice<unknown, MeetingSaved>) => useMeetingChange((body: unknown) => api.patch<MeetingSaved>(`/api/meetings/${id}`, body), notice);

export const useSendMeeting = (id: string, notice: Notice<void, MeetingSaved>) => useMeetingChange(() => api.post<MeetingSaved>(`/api/meetings/${id}/send`), notice);

export type Makeup = { date: string; place?: string | null };
export const useCreateMakeup = (id: string, notice: Notice<Makeup, MeetingSaved>) => useMeetingChange((body: Makeup) => api.post<MeetingSaved>(`/api/meetings/${id}/makeup`, body), notice);

export type Observer = { unitId: string; role: 'attend' | 'supervise' };
export const useRegisterObserver = (id: string, notice: Notice<Observer, unknown>) => useMeetingChange((body: Observer) => api.post(`/api/meetings/${id}/observers`, body), notice);

export const useCreateCampaign = (notice: Notice<CampaignCreateInput, { id: string }>) => useMeetingChange((body: CampaignCreateInput) => api.post<{ id: string }>('/api/campaigns', body), notice);

export const useCreateRuleSet = (notice: Notice<unknown, { id: string }>) => useMeetingChange((body: unknown) => api.post<{ id: string }>('/api/meeting-rules', body), notice);

export function useSaveAttendance(id: string, notice: Notice<AttendanceSave, AttendanceRoster>) {
  const client = useQueryClient();
  // The saved roster is shown at once; the figures that count it are read again.
  const save = async (body: AttendanceSave) => {
    const roster = await api.put<AttendanceRoster>(`/api/meetings/${id}/attendance`, body);
    client.setQueryData(meetingKeys.attendance(id), roster);
    return roster;
  };
  return useMeetingChange(save, notice);
}
