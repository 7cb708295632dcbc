import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClipboardCheck, IconInfoCircle, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MeetingDetail } from '#shared/meetings.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Fact } from '../../components/Fact.tsx';
import { formatDate, formatDateTime, todayIso } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { Section } from '../../components/Section.tsx';
import { useRouteId } from '../../components/use-route-id.ts';
import { CoverageStat } from './CoverageStat.tsx';
import { useMeetingLabels, withNoticeWarning } from './meeting-labels.ts';
import { useMeeting, useRegisterObserver, useSendMeeting, useUpdateMeeting } from './meeting-queries.ts';
import { MakeupModal, RecordResultModal } from './MeetingDialogs.tsx';
import { PrefillReport } from './PrefillReport.tsx';

/** One study session or meeting: what it is, its coverage, notice, quality, and what can be done next. */
export function MeetingPage() {
  const id = useRouteId();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <PageLoader />;
  if (meeting.isError) return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  return <MeetingView m={meeting.data} />;
}

function MeetingView({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const ml = useMeetingLabels();
  const acting = useActingUnit();
  const send = useSendMeeting(m.id, { notice: (out) => withNoticeWarning(t('meetings.sent'), out) });
  const update = useUpdateMeeting(m.id, { notice: () => t('meetings.cancelled') });
  const observe = useRegisterObserver(m.id, { notice: (_, o) => t('meetings.observers.registered', { role: ml.observer(o.role).toLowerCase() }) });
  const [dialog, setDialog] = useState<'result' | 'makeup' | 'cancel' | null>(null);
  const started = m.date <= todayIso();
  const canEdit = m.permissions.edit;
  const register = (role: 'attend' | 'supervise') => acting.unitId && observe.mutate({ unitId: acting.unitId, role });

  return (
    <>
      <PageHeader
        title={m.title}
        ancestors={m.ancestors}
        current={m.unit}
        subtitle={
          <Group gap={6} wrap="wrap">
            <span>{[ml.kind(m.kind), formatDate(m.date), m.startTime, m.sessionLength && ml.length(m.sessionLength), m.place].filter(Boolean).join(' · ')}</span>
            <Badge variant="light" color={m.status === 'held' ? 'green' : m.status === 'cancelled' ? 'gray' : 'blue'}>{ml.status(m.status)}</Badge>
          </Group>
        }
        actions={
          canEdit && (
            <>
              {started && (
                <Button component={Link} to={`/meetings/${m.id}/attendance`} leftSection={<IconClipboardCheck size={18} aria-hidden />}>
                  {t('meetings.takeAttendance')}
                </Button>
              )}
              {started && (
                <Button variant="light" leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('result')}>
                  {t('meetings.result.open')}
                </Button>
              )}
              {m.kind === 'study' && !m.makeupOf && m.coverage.studied < m.coverage.mustStudy && (
                <Button variant="light" onClick={() => setDialog('makeup')}>
                  {t('meetings.makeup.open')}
                </Button>
              )}
              <Button variant="subtle" color="red" leftSection={<IconX size={18} aria-hidden />} onClick={() => setDialog('cancel')}>
                {t('meetings.cancel')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        {m.makeupOf && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t('meetings.makeupOf')}{' '}
            <Anchor component={Link} to={`/meetings/${m.makeupOf.id}`}>
              {m.makeupOf.title} ({formatDate(m.makeupOf.date)})
            </Anchor>
          </Alert>
        )}
        {m.notice.message && (
          <Alert color={m.notice.warning ? 'orange' : 'blue'} variant="light" icon={m.notice.warning ? <IconAlertTriangle aria-hidden /> : <IconInfoCircle aria-hidden />} title={t('meetings.noticeTitle')}>
            <Stack gap="xs">
              <Text size="sm">{m.notice.message}</Text>
              {m.notice.sentUpAt && <Text size="sm">{t('meetings.sentAt', { at: formatDateTime(m.notice.sentUpAt) })}</Text>}
              {canEdit && m.status === 'planned' && !m.notice.sentUpAt && (
                <Group>
                  <Button size="sm" leftSection={<IconSend size={16} aria-hidden />} onClick={() => send.mutate()} loading={send.isPending}>
                    {t('meetings.sendUp')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {m.notice.state === 'not_required' && canEdit && m.status === 'planned' && !m.makeupOf && (
          <Group>
            <Button variant="default" size="sm" leftSection={<IconSend size={16} aria-hidden />} onClick={() => send.mutate()} loading={send.isPending} disabled={!!m.notice.sentUpAt}>
              {m.notice.sentUpAt ? t('meetings.sentAt', { at: formatDateTime(m.notice.sentUpAt) }) : t('meetings.sendUp')}
            </Button>
          </Group>
        )}

        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('meetings.results')}>
          <Stack gap="sm">
            <CoverageStat studied={m.coverage.studied} mustStudy={m.coverage.mustStudy} percent={m.coverage.percent} label={m.kind === 'study' ? t('meetings.studied') : t('meetings.attendedGroup')} />
            <Text size="sm" c="dimmed">
              {t('meetings.tally', { present: m.tally.present, expected: m.tally.expected, excused: m.tally.excused, absent: m.tally.absent - m.tally.unmarked, unmarked: m.tally.unmarked })}
              {m.coverage.selfStudied > 0 && ` · ${t('meetings.selfStudied', { count: m.coverage.selfStudied })}`}
            </Text>
            {m.makeups.length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('meetings.makeups')}
                </Text>
                <List size="sm">
                  {m.makeups.map((x) => (
                    <List.Item key={x.id}>
                      <Anchor component={Link} to={`/meetings/${x.id}`}>
                        {formatDate(x.date)}
                      </Anchor>{' '}
                      — {ml.status(x.status)}, {t('meetings.makeupPresent', { count: x.present })}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
          </Stack>
        </Paper>

        {canEdit && m.task && m.kind === 'study' && m.status === 'held' && !m.makeupOf && <PrefillReport unitId={m.unit.id} planId={m.task.planId} />}

        {m.quality && (
          <Section title={<>{t('meetings.quality.title')} {m.quality.ruleSet && <Text span c="dimmed" size="sm">({m.quality.ruleSet.name})</Text>}</>} id="quality-title" titleGap="xs">
            <List spacing={4} size="sm">
              {m.quality.checks.map((c) => (
                <List.Item key={c.code} icon={c.ok ? <IconCheck size={16} color="green" aria-label={t('meetings.quality.ok')} /> : <IconX size={16} color="red" aria-label={t('meetings.quality.notOk')} />}>
                  <strong>{ml.check(c.code)}:</strong> {c.detail}
                </List.Item>
              ))}
            </List>
          </Section>
        )}

        {(m.permissions.observe || m.observers.length > 0) && (
          <Section title={t('meetings.observers.title')} id="observers-title" titleGap="xs">
            {m.observers.length === 0 ? (
              <Text size="sm" c="dimmed">{t('meetings.observers.none')}</Text>
            ) : (
              <List size="sm">
                {m.observers.map((o) => (
                  <List.Item key={o.userId}>
                    {o.name} ({o.unitName}) — {ml.observer(o.role)}
                  </List.Item>
                ))}
              </List>
            )}
            {m.permissions.observe && (
              <Group mt="sm" gap="xs">
                <Button size="sm" variant="light" onClick={() => register('attend')} loading={observe.isPending}>
                  {t('meetings.observers.attend')}
                </Button>
                <Button size="sm" variant="light" onClick={() => register('supervise')} loading={observe.isPending}>
                  {t('meetings.observers.supervise')}
                </Button>
              </Group>
            )}
          </Section>
        )}

        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('meetings.details')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('meetings.form.chair')} caps size="sm">{m.chairName ?? (m.chairPersonId ? t('meetings.chairMember') : '—')}</Fact>
            <Fact label={t('meetings.form.participants')} caps size="sm">{m.categories.map(labels.category).join(', ')}</Fact>
            <Fact label={t('meetings.form.rapporteurs')} caps size="sm">
              {m.rapporteurs.length === 0 ? '—' : m.rapporteurs.map((r) => (r.unitName ? `${r.name} (${r.unitName})` : r.name)).join('; ')}
              {m.rapporteurRequest && <div>{t('meetings.requested')}: {m.rapporteurRequest}</div>}
            </Fact>
            <Fact label={t('meetings.form.materialsSentOn')} caps size="sm">{m.materialsSentOn ? formatDate(m.materialsSentOn) : '—'}</Fact>
            <Fact label={t('meetings.form.selfStudy')} caps size="sm">{m.selfStudyAllowed ? t('meetings.yes') : t('meetings.no')}</Fact>
            {m.durationMinutes !== null && <Fact label={t('meetings.result.duration')} caps size="sm">{m.durationMinutes} {t('meetings.result.minutesUnit')}</Fact>}
            {m.task && (
              <Fact label={t('meetings.form.task')} caps size="sm">
                <Anchor component={Link} to={`/plans/${m.task.planId}`}>
                  {m.task.planNumber ?? m.task.planTitle}
                </Anchor>
                : {m.task.taskText} ({m.task.periodLabel})
              </Fact>
            )}
            {m.campaign && (
              <Fact label={t('meetings.form.campaign')} caps size="sm">
                <Anchor component={Link} to={`/meetings/campaigns/${m.campaign.id}`}>
                  {m.campaign.title}
                </Anchor>{' '}
                — {m.campaign.month.slice(5)}/{m.campaign.month.slice(0, 4)}
              </Fact>
            )}
          </SimpleGrid>
          {m.documents.length > 0 && (
            <Fact label={t('meetings.form.documents')} caps size="sm" mt="sm">
              <List size="sm">
                {m.documents.map((d) => (
                  <List.Item key={d.id}>
                    <Anchor component={Link} to={`/documents/${d.id}`}>
                      {d.number ?? d.kind}
                    </Anchor>
                    {d.title && ` — ${d.title}`}
                  </List.Item>
                ))}
              </List>
            </Fact>
          )}
          {m.materials.length > 0 && (
            <Fact label={t('meetings.form.materials')} caps size="sm" mt="sm">
              <List size="sm">
                {m.materials.map((x, i) => (
                  <List.Item key={i}>{x.url ? <Anchor href={x.url}>{x.title}</Anchor> : x.title}</List.Item>
                ))}
              </List>
            </Fact>
          )}
          {m.content && <Fact label={t('meetings.form.content')} caps size="sm">{m.content}</Fact>}
          {m.minutes && (
            <Fact label={t('meetings.result.minutes')} caps size="sm" mt="sm" pre>
              {m.minutes}
            </Fact>
          )}
        </Paper>
      </Stack>
      {dialog === 'result' && <RecordResultModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'makeup' && <MakeupModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && (
        <ResponsiveModal opened onClose={() => setDialog(null)} title={t('meetings.cancel')} size="md">
          <ConfirmStep confirmLabel={t('meetings.cancel')} onConfirm={() => update.mutate({ status: 'cancelled' }, { onSuccess: () => setDialog(null) })} onBack={() => setDialog(null)} loading={update.isPending}>
            {t('meetings.cancelConfirm')}
          </ConfirmStep>
        </ResponsiveModal>
      )}
    </>
  );
}
