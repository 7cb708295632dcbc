import { Alert, Button, Checkbox, EmptyState, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { DEFAULT_PARTICIPANT_CATEGORIES } from '#core/meetings/kinds.ts';
import type { DocumentList } from '#shared/documents.ts';
import { MeetingCreateSchema } from '#shared/meetings.ts';
import type { MemberRow } from '#shared/members.ts';
import type { RoundList } from '#shared/personal-plans.ts';
import type { TaskInstanceView } from '#shared/plans.ts';
import { api } from '../../api-client.ts';
import { ActingUnitPage } from '../../components/ActingUnitPage.tsx';
import { DateField } from '../../components/DateField.tsx';
import { todayIso } from '../../components/format.ts';
import { FormError } from '../../components/FormError.tsx';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchMultiSelect } from '../../components/SearchMultiSelect.tsx';
import type { Choice } from '../../components/SearchMultiSelect.tsx';
import type { SearchSource } from '../../components/server-search.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { useMeetingLabels, withNoticeWarning } from './meeting-labels.ts';
import { taskChoices } from './task-choices.ts';
import { useCampaign, useCampaigns, useCreateMeeting, useRapporteurs } from './meeting-queries.ts';

interface Values {
  kind: string;
  title: string;
  date: string | null;
  startTime: string;
  sessionLength: string | null;
  place: string;
  chairPersonId: string | null;
  chairName: string;
  categories: string[];
  rapporteurIds: string[];
  requestRapporteur: boolean;
  rapporteurRequest: string;
  documents: Choice[];
  materials: string;
  materialsSentOn: string | null;
  selfStudyAllowed: boolean;
  taskInstanceId: string | null;
  campaignId: string | null;
  campaignMonthId: string | null;
  roundId: string | null;
  content: string;
}

/** Planning a study session or a cell meeting of the unit the user acts for. */
export function PlanMeetingPage() {
  const { t } = useTranslation();
  return (
    <ActingUnitPage none={<EmptyState icon={<IconCalendarEvent size={40} aria-hidden />} title={t('meetings.noUnit')} py="xl" />}>
      {(u) => (
        <>
          <PageHeader title={t('meetings.planTitle')} ancestors={u.ancestors} current={{ id: u.id, name: u.name }} subtitle={u.name} />
          <PlanForm key={u.id} unitId={u.id} />
        </>
      )}
    </ActingUnitPage>
  );
}

/** The documents a session studies: any the user may read, offered before anything is typed. */
const DOCUMENTS: SearchSource<DocumentList['items'][number], DocumentList> = {
  key: (text) => ['meetings', 'documents', text],
  fetch: (text, signal) => api.get<DocumentList>('/api/documents', { q: text, limit: 30 }, signal),
  minLength: 0,
};

/** A meeting planned from a round's page (`?round=`) is the cell's thematic meeting discussing its members' plans. */
const emptyValues = (roundId: string | null): Values => ({
  kind: roundId ? 'thematic' : 'study', title: '', date: todayIso(), startTime: '', sessionLength: 'half_day', place: '', chairPersonId: null, chairName: '',
  categories: [...DEFAULT_PARTICIPANT_CATEGORIES], rapporteurIds: [], requestRapporteur: false, rapporteurRequest: '', documents: [], materials: '',
  materialsSentOn: null, selfStudyAllowed: false, taskInstanceId: null, campaignId: null, campaignMonthId: null, roundId, content: '',
});

function PlanForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const ml = useMeetingLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const form = useFormState<Values>(emptyValues(params.get('round')));
  const v = form.values;
  const create = useCreateMeeting({ notice: (out) => withNoticeWarning(t('meetings.form.saved'), out), onError: form.showServerError });

  const members = useQuery({
    queryKey: ['meetings', 'members', unitId],
    queryFn: () => api.get<{ items: MemberRow[] }>(`/api/units/${unitId}/members`, { limit: 200 }),
  });
  const tasks = useQuery({
    queryKey: ['meetings', 'tasks', unitId],
    queryFn: () => api.get<{ items: TaskInstanceView[]; total: number }>(`/api/units/${unitId}/task-instances`, { limit: 200 }),
  });
  const roster = useRapporteurs(unitId);
  const campaigns = useCampaigns(unitId);
  const campaign = useCampaign(v.campaignId ?? '');
  const rounds = useQuery({
    queryKey: ['meetings', 'rounds', unitId],
    queryFn: () => api.get<RoundList>('/api/rounds', { unit: unitId, limit: 50 }),
    enabled: v.kind !== 'study',
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const rapporteurs = (roster.data?.items ?? []).filter((r) => v.rapporteurIds.includes(r.personId)).map((r) => ({ personId: r.personId, name: r.name, unitName: r.unitName }));
    const input = form.validate(MeetingCreateSchema, {
      unitId,
      kind: v.kind,
      title: v.title,
      date: v.date ?? '',
      startTime: v.startTime || null,
      sessionLength: v.kind === 'study' ? v.sessionLength : null,
      place: v.place.trim() || null,
      chairPersonId: v.chairPersonId,
      chairName: v.chairName.trim() || null,
      categories: v.categories,
      rapporteurs,
      rapporteurRequest: v.requestRapporteur ? v.rapporteurRequest.trim() || t('meetings.form.requestDefault') : null,
      materials: v.materials.split('\n').map((x) => x.trim()).filter(Boolean).map((title) => ({ title })),
      materialsSentOn: v.materialsSentOn,
      selfStudyAllowed: v.selfStudyAllowed,
      documentIds: v.documents.map((d) => d.id),
      taskInstanceId: v.taskInstanceId,
      campaignMonthId: v.campaignMonthId,
      roundId: v.kind === 'study' ? null : v.roundId,
      content: v.content.trim() || null,
    });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (out) => {
        // A round's page lists the meetings that discussed it.
        if (input.roundId) void queryClient.invalidateQueries({ queryKey: ['personal-plans'] });
        navigate(`/meetings/${out.id}`);
      },
    });
  }

  const taskOptions = taskChoices(tasks.data?.items ?? [], v.date);
  const months = (campaign.data?.months ?? []).map((m) => ({ value: m.id, label: m.label }));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="form" onSubmit={submit} noValidate aria-label={t('meetings.planTitle')}>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={t('meetings.form.kind')} data={ml.kindOptions()} value={v.kind} onChange={(x) => form.set('kind', x ?? 'study')} allowDeselect={false} />
          <TextInput label={t('meetings.form.title')} required {...form.text('title')} />
          <DateField label={t('meetings.form.date')} required value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} />
          <TextInput type="time" label={t('meetings.form.startTime')} {...form.text('startTime')} />
          {v.kind === 'study' && (
            <Select label={t('meetings.form.length')} data={ml.lengthOptions()} value={v.sessionLength} onChange={(x) => form.set('sessionLength', x)} clearable />
          )}
          <TextInput label={t('meetings.form.place')} value={v.place} onChange={(e) => form.set('place', e.currentTarget.value)} />
          <Select
            label={t('meetings.form.chair')}
            data={(members.data?.items ?? []).map((m) => ({ value: m.personId, label: m.fullName }))}
            value={v.chairPersonId}
            onChange={(x) => form.set('chairPersonId', x)}
            searchable
            clearable
            error={form.errors.chairPersonId}
          />
          <TextInput label={t('meetings.form.chairName')} description={t('meetings.form.chairNameHint')} value={v.chairName} onChange={(e) => form.set('chairName', e.currentTarget.value)} />
        </SimpleGrid>
        <MultiSelect
          label={t('meetings.form.participants')}
          description={t('meetings.form.participantsHint')}
          data={labels.categoryOptions()}
          value={v.categories}
          onChange={(x) => form.set('categories', x)}
          error={form.errors.categories}
        />
        <SearchMultiSelect
          label={t('meetings.form.documents')}
          placeholder={t('meetings.form.documentsPlaceholder')}
          value={v.documents}
          onChange={(docs) => form.set('documents', docs)}
          source={DOCUMENTS}
          option={(d) => ({ id: d.id, label: `${d.number ?? d.kind}${d.title ? ` — ${d.title}` : ''}`.slice(0, 160) })}
          nothingFound={t('meetings.form.noDocuments')}
          error={form.errors.documentIds}
        />
        <MultiSelect
          label={t('meetings.form.rapporteurs')}
          description={t('meetings.form.rapporteursHint')}
          data={(roster.data?.items ?? []).map((r) => ({ value: r.personId, label: `${r.name} — ${r.unitName}` }))}
          value={v.rapporteurIds}
          onChange={(x) => form.set('rapporteurIds', x)}
          searchable
          nothingFoundMessage={t('meetings.form.noRapporteurs')}
        />
        <Checkbox label={t('meetings.form.requestRapporteur')} checked={v.requestRapporteur} onChange={(e) => form.set('requestRapporteur', e.currentTarget.checked)} />
        {v.requestRapporteur && (
          <TextInput label={t('meetings.form.requestText')} value={v.rapporteurRequest} placeholder={t('meetings.form.requestDefault')} onChange={(e) => form.set('rapporteurRequest', e.currentTarget.value)} />
        )}
        <Textarea label={t('meetings.form.materials')} description={t('meetings.form.materialsHint')} autosize minRows={2} value={v.materials} onChange={(e) => form.set('materials', e.currentTarget.value)} />
        <DateField label={t('meetings.form.materialsSentOn')} value={v.materialsSentOn} onChange={(x) => form.set('materialsSentOn', x)} clearable />
        <Checkbox label={t('meetings.form.selfStudy')} checked={v.selfStudyAllowed} onChange={(e) => form.set('selfStudyAllowed', e.currentTarget.checked)} />
        <Select
          label={t('meetings.form.task')}
          description={t('meetings.form.taskHint')}
          data={taskOptions}
          value={v.taskInstanceId}
          onChange={(x) => form.set('taskInstanceId', x)}
          clearable
          searchable
          nothingFoundMessage={t('meetings.form.noTasks')}
          error={form.errors.taskInstanceId}
        />
        {(campaigns.data?.items.length ?? 0) > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('meetings.form.campaign')}
              data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
              value={v.campaignId}
              onChange={(x) => form.setValues((cur) => ({ ...cur, campaignId: x, campaignMonthId: null }))}
              clearable
              nothingFoundMessage={t('meetings.form.noCampaigns')}
            />
            {v.campaignId && (
              <Select
                label={t('meetings.form.campaignMonth')}
                data={months}
                value={v.campaignMonthId}
                onChange={(x) => form.set('campaignMonthId', x)}
                clearable
                nothingFoundMessage={campaign.isPending ? t('common.loading') : t('meetings.form.noCampaignMonths')}
                error={form.errors.campaignMonthId}
              />
            )}
          </SimpleGrid>
        )}
        {v.kind !== 'study' && (rounds.data?.items.length ?? 0) > 0 && (
          <Select
            label={t('meetings.form.round')}
            description={t('meetings.form.roundHint')}
            data={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
            value={v.roundId}
            onChange={(x) => form.set('roundId', x)}
            clearable
            error={form.errors.roundId}
          />
        )}
        <Textarea label={t('meetings.form.content')} autosize minRows={2} value={v.content} onChange={(e) => form.set('content', e.currentTarget.value)} />
        {v.kind === 'study' && <Alert color="blue" variant="light">{t('meetings.form.noticeHint')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate('/meetings')} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('meetings.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
