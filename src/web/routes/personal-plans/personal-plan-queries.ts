import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MEMBER_FILTERS } from '#shared/personal-plans.ts';
import type {
  LookBack, LookBackComments, MyRounds, PersonalPlanView, PlanFormList, PlanSaved, PlanSections, RoundCoverage, RoundLaunched, RoundList,
  RoundMembers, RoundUrge, RoundUrged, SentUp,
} from '#shared/personal-plans.ts';
import type { PlanList, PlanView } from '#shared/plans.ts';
import type { WorkProgress } from '#shared/common.ts';
import { api } from '../../api-client.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import type { Notice } from '../../components/use-mutation-with-notice.ts';

export const ROUNDS_PAGE = 10;
export const MEMBERS_PAGE = 25;

export type MemberFilter = (typeof MEMBER_FILTERS)[number];

export const planKeys = {
  all: ['personal-plans'] as const,
  mine: ['personal-plans', 'mine'] as const,
  rounds: (unitId: string, page: number) => ['personal-plans', 'rounds', unitId, page] as const,
  round: (id: string, unitId: string | null) => ['personal-plans', 'round', id, unitId] as const,
  members: (id: string, unitId: string, filter: MemberFilter, q: string, page: number, subtree: boolean) => ['personal-plans', 'members', id, unitId, filter, q, page, subtree] as const,
  plan: (id: string, personId: string) => ['personal-plans', 'plan', id, personId] as const,
  forms: (unitId: string) => ['personal-plans', 'forms', unitId] as const,
  plans: (unitId: string) => ['personal-plans', 'published-plans', unitId] as const,
  tasks: (planId: string) => ['personal-plans', 'plan-tasks', planId] as const,
};

export function useMyRounds() {
  return useQuery({ queryKey: planKeys.mine, queryFn: () => api.get<MyRounds>('/api/my/rounds') });
}

export function useRounds(unitId: string, page: number) {
  return useQuery({
    queryKey: planKeys.rounds(unitId, page),
    queryFn: ({ signal }) => api.get<RoundList>('/api/rounds', { unit: unitId, limit: ROUNDS_PAGE, offset: (page - 1) * ROUNDS_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A round's coverage at a unit; the round's own unit when none is named. */
export function useRound(id: string, unitId: string | null) {
  return useQuery({
    queryKey: planKeys.round(id, unitId),
    queryFn: () => api.get<RoundCoverage>(`/api/rounds/${id}`, { unit: unitId }),
    placeholderData: keepPreviousData,
  });
}

/** The members a round asks at a unit (with those of its sub-units when `subtree`), by state and name. */
export function useRoundMembers(id: string, unitId: string, filter: MemberFilter, q: string, page: number, subtree: boolean) {
  return useQuery({
    queryKey: planKeys.members(id, unitId, filter, q, page, subtree),
    queryFn: ({ signal }) =>
      api.get<RoundMembers>(`/api/rounds/${id}/members`, { unit: unitId, filter, q, subtree: subtree ? 'true' : undefined, limit: MEMBERS_PAGE, offset: (page - 1) * MEMBERS_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePersonalPlan(id: string, personId: string) {
  return useQuery({ queryKey: planKeys.plan(id, personId), queryFn: () => api.get<PersonalPlanView>(`/api/rounds/${id}/plans/${personId}`) });
}

/** The forms a round of the unit may assign: the seed's four and those of the unit and above. */
export function usePlanForms(unitId: string) {
  return useQuery({ queryKey: planKeys.forms(unitId), queryFn: () => api.get<PlanFormList>('/api/plan-forms', { unit: unitId }) });
}

/** The unit's own published plans: a round is launched from a task of one of them. */
export function usePublishedPlans(unitId: string) {
  return useQuery({
    queryKey: planKeys.plans(unitId),
    queryFn: () => api.get<PlanList>('/api/plans', { unitId, view: 'issued', status: 'published', limit: 100 }),
  });
}

export function usePlanTasks(planId: string | null) {
  return useQuery({
    queryKey: planKeys.tasks(planId ?? ''),
    queryFn: () => api.get<PlanView>(`/api/plans/${planId}`),
    enabled: !!planId,
    select: (p) => p.tasks,
  });
}

/** Any change to rounds or plans: the lists, the coverage and the plan are read again. */
function usePlanChange<V, R>(mutationFn: (vars: V) => Promise<R>, notice: Notice<V, R>) {
  return useMutationWithNotice({ mutationFn, invalidates: [planKeys.all], ...notice });
}

export type Launch = { body: unknown; onWork: (p: WorkProgress) => void };
export const useLaunchRound = (notice: Notice<Launch, RoundLaunched>) =>
  usePlanChange(({ body, onWork }: Launch) => api.postWithProgress<RoundLaunched>('/api/rounds', body, onWork), notice);

export const useSendUp = (id: string, unitId: string, notice: Notice<{ note: string | null }, SentUp>) =>
  usePlanChange((body: { note: string | null }) => api.post<SentUp>(`/api/rounds/${id}/units/${unitId}/send-up`, body), notice);

export const useUrgeRound = (id: string, notice: Notice<RoundUrge, RoundUrged>) =>
  usePlanChange((body: RoundUrge) => api.post<RoundUrged>(`/api/rounds/${id}/urge`, body), notice);

export type Signing = { personId: string; signedOn?: string };
export const useSignPledge = (id: string, notice: Notice<Signing, { signedOn: string; late: boolean }>) =>
  usePlanChange(({ personId, signedOn }: Signing) => api.post<{ signedOn: string; late: boolean }>(`/api/rounds/${id}/pledges/${personId}/sign`, signedOn ? { signedOn } : {}), notice);

const planPath = (id: string, personId: string) => `/api/rounds/${id}/plans/${personId}`;

export const useSavePlan = (id: string, personId: string, notice: Notice<PlanSections, PlanSaved>) =>
  usePlanChange((sections: PlanSections) => api.put<PlanSaved>(planPath(id, personId), { sections }), notice);

/** A submission: the items as they stand and, for a paper plan entered by the secretary, the day it was handed in. */
export type Submission = { sections: PlanSections; submittedOn?: string };
export const useSubmitPlan = (id: string, personId: string, notice: Notice<Submission, PlanSaved>) =>
  usePlanChange((body: Submission) => api.post<PlanSaved>(`${planPath(id, personId)}/submit`, body), notice);

export const useReturnPlan = (id: string, personId: string, notice: Notice<string, PlanSaved>) =>
  usePlanChange((comment: string) => api.post<PlanSaved>(`${planPath(id, personId)}/return`, { comment }), notice);

export const useConfirmPlan = (id: string, personId: string, notice: Notice<void, PlanSaved>) =>
  usePlanChange(() => api.post<PlanSaved>(`${planPath(id, personId)}/confirm`, {}), notice);

export const useAmendPlan = (id: string, personId: string, notice: Notice<void, PlanSaved>) =>
  usePlanChange(() => api.post<PlanSaved>(`${planPath(id, personId)}/amend`, {}), notice);

export const useSaveLookBack = (id: string, personId: string, notice: Notice<LookBack, PlanSaved>) =>
  usePlanChange((body: LookBack) => api.put<PlanSaved>(`${planPath(id, personId)}/look-back`, body), notice);

export const useSaveLookBackComments = (id: string, personId: string, notice: Notice<LookBackComments, PlanSaved>) =>
  usePlanChange((body: LookBackComments) => api.put<PlanSaved>(`${planPath(id, personId)}/look-back/comments`, body), notice);
