import { Anchor, Badge, Breadcrumbs, Button, Group, Spoiler, Stack, Text, Textarea } from '@mantine/core';
import { IconBellRinging, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { RoundUrgeSchema } from '#shared/personal-plans.ts';
import type { CoverageRow, RoundCoverage } from '#shared/personal-plans.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { Hint } from '../../components/Hint.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { errorMessage } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { useLabels } from '../../components/labels.ts';
import { mayWrite, useMe } from '../../components/use-me.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { CoverageFigures } from './CoverageFigures.tsx';
import { setActingUnitId } from '../../components/acting-unit.ts';
import { PrefillFromRound } from './PrefillFromRound.tsx';
import { useRound, useSendUp, useUrgeRound } from './personal-plan-queries.ts';
import { usePlanLabels } from './plan-labels.ts';
import { RoundMembersPanel } from './RoundMembersPanel.tsx';

/** A round at one unit: its figures, its own members and each sub-unit (drilling down), the members' plans, sending up, the meetings. */
export function RoundPage() {
  const id = useRouteId();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit');
  const round = useRound(id, unit);
  const drill = (unitId: string) => setParams(new URLSearchParams({ unit: unitId }));
  return <Loaded query={round}>{(r) => <RoundView r={r} drill={drill} />}</Loaded>;
}

function RoundView({ r, drill }: { r: RoundCoverage; drill: (unitId: string) => void }) {
  const { t } = useTranslation();
  const l = usePlanLabels();
  const labels = useLabels();
  const me = useMe().data;
  const round = r.round;
  const pledge = round.kind === 'pledge';
  return (
    <>
      <PageHeader
        title={round.title}
        subtitle={[l.kind(round.kind), l.scope(round.scope, round.year), t('personalPlans.round.launchedBy', { unit: round.unitName, date: formatDate(round.launchedOn) })].filter(Boolean).join(' · ')}
      />
      <Stack gap="md">
        {r.ancestors.length > 0 && (
          <nav aria-label={t('personalPlans.round.path')}>
            <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
              {r.ancestors.map((a) => (
                <Anchor key={a.id} size="sm" component="button" type="button" onClick={() => drill(a.id)}>
                  {a.name}
                </Anchor>
              ))}
              <Text size="sm">{r.unit.name}</Text>
            </Breadcrumbs>
          </nav>
        )}
        <Section title={t('personalPlans.round.coverage', { unit: r.unit.name })} id="round-coverage">
          <CoverageFigures row={r.total} kind={round.kind} label={t('personalPlans.round.totalOf', { unit: r.unit.name })} />
        </Section>
        {r.children.length > 0 && <CoverageTable r={r} drill={drill} />}
        <Section title={t('personalPlans.round.about')} id="round-about">
          <Stack gap="xs">
            <Fact label={t('personalPlans.round.task')}>
              {round.taskText}
              <Hint>{round.planTitle}</Hint>
            </Fact>
            <Group gap="xl">
              <Fact label={pledge ? t('personalPlans.launch.signBy') : t('personalPlans.launch.submitBy')}>{formatDate(round.submitBy)}</Fact>
              {!pledge && <Fact label={t('personalPlans.launch.confirmBy')}>{formatDate(round.confirmBy)}</Fact>}
              {!pledge && <Fact label={t('personalPlans.launch.sendUpBy')}>{formatDate(round.sendUpBy)}</Fact>}
            </Group>
            {!pledge && round.assignments.length > 0 && (
              <Fact label={t('personalPlans.launch.rules')}>
                {round.assignments.map((a, i) => (
                  <Text key={i} size="sm">
                    {t('personalPlans.round.rule', { form: a.formLabel, categories: a.categories.map((c) => labels.category(c)).join(', '), units: a.units.map((u) => u.name).join(', ') || t('personalPlans.round.everywhere') })}
                  </Text>
                ))}
              </Fact>
            )}
            {pledge && round.pledgeText && (
              <Fact label={t('personalPlans.launch.pledgeText')}>
                <Spoiler maxHeight={96} showLabel={t('personalPlans.round.more')} hideLabel={t('personalPlans.round.less')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {round.pledgeText}
                  </Text>
                </Spoiler>
              </Fact>
            )}
          </Stack>
        </Section>
        {r.taskInstance && <SendUp r={r} mayAct={r.readsPlans && mayWrite(me, r.unit.id)} />}
        {r.readsPlans && mayWrite(me, r.unit.id) && r.total.must > 0 && <PrefillFromRound r={r} />}
        {r.total.must > r.total.submitted && [r.unit.id, ...r.ancestors.map((a) => a.id)].some((u) => mayWrite(me, u)) && <Urge r={r} />}
        {r.readsPlans ? (
          <RoundMembersPanel r={r} />
        ) : (
          <Hint>{t('personalPlans.round.noPlans')}</Hint>
        )}
        <Section title={t('personalPlans.round.meetings')} id="round-meetings">
          {r.readsPlans && !pledge && mayWrite(me, r.unit.id) && (
            <Anchor component={Link} to={`/meetings/new?round=${r.round.id}`} onClick={() => setActingUnitId(r.unit.id)}>
              {t('personalPlans.round.recordMeeting')}
            </Anchor>
          )}
          {r.meetings.length === 0 ? (
            <Hint>{t('personalPlans.round.noMeetings')}</Hint>
          ) : (
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {r.meetings.map((m) => (
                <li key={m.id}>
                  <Anchor component={Link} to={`/meetings/${m.id}`}>
                    {m.title}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    {formatDate(m.date)}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
    </>
  );
}

/** The unit's own members and each sub-unit, with the same figures; a sub-unit's name opens it. */
function CoverageTable({ r, drill }: { r: RoundCoverage; drill: (unitId: string) => void }) {
  const { t } = useTranslation();
  const pledge = r.round.kind === 'pledge';
  const rows: (CoverageRow & { own?: boolean })[] = [...(r.own ? [{ ...r.own, own: true }] : []), ...r.children];
  const pct = (n: number, p: number | null) => `${formatNumber(n)}${p === null ? '' : ` (${p}%)`}`;
  const columns: Column<CoverageRow & { own?: boolean }>[] = [
    {
      key: 'unit',
      header: t('personalPlans.round.unit'),
      rowHeader: true,
      cell: (row) =>
        row.own ? (
          t('personalPlans.round.own', { unit: r.unit.name })
        ) : (
          <Anchor component="button" type="button" ta="left" onClick={() => drill(row.unitId)}>
            {row.name}
          </Anchor>
        ),
    },
    { key: 'must', header: t(pledge ? 'personalPlans.figures.pledge.must' : 'personalPlans.figures.must'), numeric: true, cell: (row) => formatNumber(row.must) },
    { key: 'submitted', header: t(pledge ? 'personalPlans.figures.pledge.submitted' : 'personalPlans.figures.submitted'), numeric: true, nowrap: true, cell: (row) => pct(row.submitted, row.percentSubmitted) },
    ...(pledge ? [] : [{ key: 'confirmed', header: t('personalPlans.figures.confirmed'), numeric: true, nowrap: true, cell: (row: CoverageRow) => pct(row.confirmed, row.percentConfirmed) }]),
    { key: 'late', header: t('personalPlans.figures.late'), numeric: true, cell: (row) => formatNumber(row.late) },
    { key: 'overdue', header: t('personalPlans.figures.overdue'), numeric: true, cell: (row) => formatNumber(row.overdue) },
    ...(pledge ? [] : [{ key: 'leaders', header: t('personalPlans.figures.leaders'), numeric: true, cell: (row: CoverageRow) => `${formatNumber(row.leadersRegistered)}/${formatNumber(row.leaders)}` }]),
  ];
  return <DataTable label={t('personalPlans.round.table')} rows={rows} rowKey={(row) => (row.own ? `own-${row.unitId}` : row.unitId)} columns={columns} minWidth={680} highlightOnHover verticalSpacing="compact" />;
}

/** "Đôn đốc": one message to those of the unit's subtree still to submit (or sign), and to the leaders of their units. */
function Urge({ r }: { r: RoundCoverage }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const pledge = r.round.kind === 'pledge';
  const left = r.total.must - r.total.submitted;
  const form = useFormState({ message: t(pledge ? 'personalPlans.urge.defaultPledge' : 'personalPlans.urge.default', { round: r.round.title, date: formatDate(r.round.submitBy) }) });
  const urge = useUrgeRound(r.round.id, {
    notice: (out) => t('personalPlans.urge.done', { members: formatNumber(out.members), units: formatNumber(out.units), notifications: formatNumber(out.notifications) }),
    onError: form.showServerError,
  });
  function submit() {
    const input = form.validate(RoundUrgeSchema, { unit: r.unit.id, message: form.values.message });
    if (input) urge.mutate(input, { onSuccess: () => setOpen(false) });
  }
  return (
    <Section
      title={t('personalPlans.urge.title')}
      id="round-urge"
      action={
        <Button variant="light" color="orange" leftSection={<IconBellRinging size={18} aria-hidden />} onClick={() => setOpen(true)}>
          {t('personalPlans.urge.open')}
        </Button>
      }
    >
      <Hint>{t(pledge ? 'personalPlans.urge.leftPledge' : 'personalPlans.urge.left', { n: formatNumber(left), unit: r.unit.name })}</Hint>
      {open && (
        <FormModal title={t('personalPlans.urge.title')} onClose={() => setOpen(false)} onSubmit={submit} error={form.formError} submitLabel={t('personalPlans.urge.submit')} busy={urge.isPending}>
          <Textarea label={t('personalPlans.urge.message')} required autosize minRows={3} {...form.text('message')} />
        </FormModal>
      )}
    </Section>
  );
}

/** The unit's task of the round and "Gửi lên cấp trên": the confirmed plans go up, the task is done. */
function SendUp({ r, mayAct }: { r: RoundCoverage; mayAct: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ti = r.taskInstance!;
  const done = ti.status === 'done';
  const send = useSendUp(r.round.id, r.unit.id, {
    notice: (out) => t('personalPlans.sendUp.done', { confirmed: formatNumber(out.confirmed), must: formatNumber(out.must) }),
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Section
      title={t('personalPlans.sendUp.title')}
      id="round-send-up"
      action={mayAct && !done && (
        <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setOpen(true)}>
          {t('personalPlans.sendUp.open')}
        </Button>
      )}
    >
      <Group gap="xs">
        <Text size="sm">{r.round.taskText}</Text>
        <Badge variant="light" color={done ? 'green' : 'gray'} tt="none" radius="sm">
          {t(done ? 'personalPlans.sendUp.sent' : 'personalPlans.sendUp.notSent')}
        </Badge>
        {ti.doneOn && <Hint>{t('personalPlans.sendUp.doneOn', { date: formatDate(ti.doneOn) })}</Hint>}
      </Group>
      {open && (
        <FormModal
          title={t('personalPlans.sendUp.title')}
          onClose={() => setOpen(false)}
          onSubmit={() => send.mutate({ note: note.trim() || null }, { onSuccess: () => setOpen(false) })}
          error={error}
          submitLabel={t('personalPlans.sendUp.submit')}
          busy={send.isPending}
          intro={
            <Text size="sm">
              {t('personalPlans.sendUp.confirm', { confirmed: formatNumber(r.total.confirmed), must: formatNumber(r.total.must), unit: r.unit.name })}
            </Text>
          }
        >
          <Textarea label={t('personalPlans.sendUp.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </FormModal>
      )}
    </Section>
  );
}
