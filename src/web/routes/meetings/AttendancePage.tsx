import { Alert, Badge, Button, EmptyState, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconChecks, IconDeviceFloppy, IconSearch, IconUsers } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ABSENCE_MARKS } from '#core/meetings/kinds.ts';
import type { AttendanceStatus } from '#core/meetings/kinds.ts';
import { foldForSearch } from '#core/text/fold.ts';
import type { AttendanceRoster, MeetingDetail } from '#shared/meetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

import { Hint } from '../../components/Hint.tsx';
import { useLabels } from '../../components/labels.ts';
import { errorMessage } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useRouteId } from '../../components/use-route-id.ts';
import { CoverageStat } from './CoverageStat.tsx';
import { useMeetingLabels } from './meeting-labels.ts';
import { useAttendance, useMeeting, useSaveAttendance } from './meeting-queries.ts';
import { formatDate } from '../../components/format.ts';

type Mark = { status: AttendanceStatus | null; reason: string };
type Marks = Record<string, Mark>;

/** The reason of an absence, asked for absences only: none for present or self-study. */
const reasonOf = (m: Mark) => (m.status && ABSENCE_MARKS.includes(m.status) ? m.reason.trim() : '');

const draftKey = (id: string) => `trienkhai.attendance.${id}`;

function readDraft(id: string): Marks | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    return raw ? (JSON.parse(raw) as Marks) : null;
  } catch {
    return null;
  }
}

function writeDraft(id: string, marks: Marks | null): void {
  try {
    if (marks) localStorage.setItem(draftKey(id), JSON.stringify(marks));
    else localStorage.removeItem(draftKey(id));
  } catch {
    // Private mode: the draft lasts while the page is open.
  }
}

/** Taking attendance on a phone: the members due, each marked present, absent with a reason, or absent. */
export function AttendancePage() {
  const id = useRouteId();
  const meeting = useMeeting(id);
  const roster = useAttendance(id);
  if (meeting.isPending || roster.isPending) return <PageLoader />;
  if (meeting.isError) return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (roster.isError) return <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />;
  return <AttendanceForm key={id} meeting={meeting.data} roster={roster.data} />;
}

function fromRoster(r: AttendanceRoster): Marks {
  return Object.fromEntries(r.items.map((i) => [i.personId, { status: i.status, reason: i.reason ?? '' }]));
}

function AttendanceForm({ meeting, roster }: { meeting: MeetingDetail; roster: AttendanceRoster }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const ml = useMeetingLabels();
  const saved = useMemo(() => fromRoster(roster), [roster]);
  const [marks, setMarks] = useState<Marks>(() => ({ ...saved, ...(readDraft(meeting.id) ?? {}) }));
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useSaveAttendance(meeting.id, {
    notice: (out) => t('meetings.attendance.saved', { studied: out.coverage.studied, must: out.coverage.mustStudy }),
    onError: (e) => setError(errorMessage(e)),
  });
  const [missingReason, setMissingReason] = useState<Set<string>>(new Set());

  const changed = roster.items.filter((i) => {
    const a = marks[i.personId];
    const b = saved[i.personId];
    return a && b && (a.status !== b.status || reasonOf(a) !== reasonOf(b));
  });
  useEffect(() => writeDraft(meeting.id, changed.length > 0 ? marks : null), [marks, changed.length, meeting.id]);

  const set = (personId: string, m: Partial<Mark>) => {
    setMarks((cur) => ({ ...cur, [personId]: { ...(cur[personId] ?? { status: null, reason: '' }), ...m } }));
    setMissingReason((cur) => {
      if (!cur.has(personId)) return cur;
      const next = new Set(cur);
      next.delete(personId);
      return next;
    });
  };
  const folded = foldForSearch(q);
  const shown = folded ? roster.items.filter((i) => foldForSearch(i.fullName).includes(folded)) : roster.items;
  const count = (s: AttendanceStatus) => roster.items.filter((i) => marks[i.personId]?.status === s).length;
  const unmarked = roster.items.filter((i) => !marks[i.personId]?.status).length;
  const options = [
    { value: 'present', label: ml.attendance('present') },
    { value: 'excused', label: ml.attendance('excused') },
    { value: 'absent', label: ml.attendance('absent') },
    ...(roster.selfStudyAllowed ? [{ value: 'self_study', label: t('meetings.attendance.selfStudy') }] : []),
  ];

  function markAllPresent() {
    setMarks((cur) => {
      const next = { ...cur };
      for (const i of roster.items) if (!next[i.personId]?.status) next[i.personId] = { status: 'present', reason: '' };
      return next;
    });
  }

  function submit() {
    setError(null);
    const noReason = changed.filter((i) => marks[i.personId]?.status === 'excused' && !marks[i.personId]!.reason.trim()).map((i) => i.personId);
    if (noReason.length > 0) {
      setMissingReason(new Set(noReason));
      setError(t('meetings.attendance.reasonRequired'));
      return;
    }
    if (changed.length === 0) {
      setError(t('meetings.attendance.nothingChanged'));
      return;
    }
    const entries = changed.map((i) => ({ personId: i.personId, status: marks[i.personId]!.status, reason: reasonOf(marks[i.personId]!) || null }));
    save.mutate(
      { entries },
      {
        onSuccess: (out) => {
          writeDraft(meeting.id, null);
          setMarks(fromRoster(out));
        },
      },
    );
  }

  return (
    <>
      <PageHeader title={t('meetings.attendance.title')} ancestors={meeting.ancestors} current={meeting.unit} subtitle={`${meeting.title} · ${formatDate(meeting.date)}`} />
      <Stack gap="sm" pb={80}>
        <Paper withBorder p="sm" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 0px) + 4px)', zIndex: 10 }}>
          <CoverageStat studied={roster.coverage.studied} mustStudy={roster.coverage.mustStudy} percent={roster.coverage.percent} label={t('meetings.studied')} />
          <Group gap={6} mt={6} wrap="wrap" aria-live="polite">
            <Badge variant="light" color="green">{t('meetings.attendance.countPresent', { count: count('present') })}</Badge>
            <Badge variant="light" color="yellow">{t('meetings.attendance.countExcused', { count: count('excused') })}</Badge>
            <Badge variant="light" color="red">{t('meetings.attendance.countAbsent', { count: count('absent') })}</Badge>
            {unmarked > 0 && <Badge variant="light" color="gray">{t('meetings.attendance.countUnmarked', { count: unmarked })}</Badge>}
          </Group>
        </Paper>
        {roster.isMakeup && <Alert color="blue" variant="light">{t('meetings.attendance.makeupHint')}</Alert>}
        {!roster.canEdit && <Alert color="gray" variant="light">{t('meetings.attendance.readOnly')}</Alert>}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('meetings.attendance.search')}
            placeholder={t('meetings.attendance.searchPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
          {roster.canEdit && unmarked > 0 && (
            <Button variant="light" leftSection={<IconChecks size={18} aria-hidden />} onClick={markAllPresent}>
              {t('meetings.attendance.allPresent')}
            </Button>
          )}
        </Group>
        {roster.items.length === 0 ? (
          <EmptyState icon={<IconUsers size={40} aria-hidden />} title={t('meetings.attendance.emptyTitle')} description={t('meetings.attendance.emptyBody')} py="lg" />
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('meetings.attendance.list')}>
            {shown.map((i) => {
              const mark = marks[i.personId] ?? { status: null, reason: '' };
              return (
                <Paper component="li" key={i.personId} withBorder p="sm" aria-label={i.fullName}>
                  <Group justify="space-between" gap={4} wrap="wrap">
                    <Text fw={600}>{i.fullName}</Text>
                    <Text size="xs" c="dimmed">
                      {labels.category(i.category)}
                    </Text>
                  </Group>
                  <SegmentedControl
                    mt={6}
                    fullWidth
                    size="md"
                    data={options}
                    value={mark.status ?? ''}
                    onChange={(v) => set(i.personId, { status: v as AttendanceStatus })}
                    disabled={!roster.canEdit}
                    aria-label={t('meetings.attendance.markOf', { name: i.fullName })}
                    styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2, paddingBlock: 8 } }}
                  />
                  {mark.status && ABSENCE_MARKS.includes(mark.status) && (
                    <TextInput
                      mt={6}
                      label={t('meetings.attendance.reason')}
                      placeholder={t('meetings.attendance.reasonPlaceholder')}
                      value={mark.reason}
                      onChange={(e) => set(i.personId, { reason: e.currentTarget.value })}
                      disabled={!roster.canEdit}
                      required={mark.status === 'excused'}
                      error={missingReason.has(i.personId) ? t('meetings.attendance.reasonMissing') : undefined}
                    />
                  )}
                </Paper>
              );
            })}
            {shown.length === 0 && <Text c="dimmed">{t('meetings.attendance.noMatch')}</Text>}
          </Stack>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
      {roster.canEdit && (
        <Paper withBorder p="sm" shadow="md" style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 10, borderRadius: 0 }}>
          <Group justify="space-between" gap="xs" maw={900} mx="auto">
            <Hint>{t('meetings.attendance.changed', { count: changed.length })}</Hint>
            <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={submit} loading={save.isPending} size="md">
              {t('meetings.attendance.save')}
            </Button>
          </Group>
        </Paper>
      )}
    </>
  );
}
