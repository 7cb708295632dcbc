import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Due } from '#core/deadline/types.ts';
import { AUDIENCE_SCOPE_LABELS } from '#core/plans/audience.ts';
import { DOCUMENT_KIND_LABELS } from '#shared/documents.ts';
import { CONFIDENTIALITY_LABELS, TASK_KIND_LABELS } from '#shared/plans.ts';
import type { PlanView, TaskView } from '#shared/plans.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { useLabels } from '../../components/labels.ts';
import { Section } from '../../components/Section.tsx';
import { TextList } from '../../components/TextList.tsx';
import { useLang } from '../../components/use-lang.ts';

import { dueLabel, duesLabel } from '#core/deadline/words.ts';

function useAudienceWords() {
  const labels = useLabels();
  const lang = useLang();
  return (a: TaskView['audience']) => {
    const base = AUDIENCE_SCOPE_LABELS[a.scope][lang];
    if (a.scope === 'units') return `${base} (${formatNumber(a.unitIds?.length ?? 0)})`;
    if (a.kinds && a.kinds.length > 0) return `${base}: ${a.kinds.map(labels.unitKind).join(', ')}`;
    return base;
  };
}

/** A task's text, its kind when it is not a plain task, and its "6 rõ". */
function TaskText({ task }: { task: TaskView }) {
  const lang = useLang();
  return (
    <>
      <Text size="sm">{task.text}</Text>
      {task.kind !== 'task' && (
        <Badge size="sm" variant="light" tt="none" radius="sm" mt={4}>
          {TASK_KIND_LABELS[task.kind][lang]}
        </Badge>
      )}
      <SixClear task={task} />
    </>
  );
}

/** Who leads a task and, dimmed below, who supports. */
function LeadSupport({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{task.leadText.join('; ') || '—'}</Text>
      {task.supportText.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('plans.view.support', { units: task.supportText.join('; ') })}
        </Text>
      )}
    </>
  );
}

/** The "6 rõ" of a task, as far as they are filled in. */
function SixClear({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const rows = [
    [t('plans.task.responsible'), task.responsible],
    [t('plans.task.responsibility'), task.responsibility],
    [t('plans.task.authority'), task.authority],
    [t('plans.task.output'), task.output],
  ].filter((r): r is [string, string] => !!r[1]);
  if (rows.length === 0) return null;
  return (
    <Stack gap={0} mt={4}>
      {rows.map(([k, v]) => (
        <Text size="xs" c="dimmed" key={k}>
          {k}: {v}
        </Text>
      ))}
    </Stack>
  );
}

/** A plan's text as structured data: what it carries out, its particulars, its tasks and its reports. */
export function PlanContent({ plan, statusUnitId }: { plan: PlanView; statusUnitId: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const audienceWords = useAudienceWords();
  const due = (d: unknown, text: string | null) => (d ? dueLabel(d as Due, lang) : (text ?? t('due.none')));
  const published = plan.status === 'published';

  const taskColumns: Column<TaskView>[] = [
    { key: 'ord', header: '#', th: { w: 36 }, cell: (x) => x.ord },
    { key: 'text', header: t('plans.task.text'), cell: (x) => <TaskText task={x} /> },
    { key: 'lead', header: t('plans.view.leadSupport'), th: { w: 200 }, cell: (x) => <LeadSupport task={x} /> },
    { key: 'due', header: t('plans.view.due'), th: { w: 170 }, cell: (x) => due(x.due, x.dueText) },
    { key: 'audience', header: t('plans.audience.label'), th: { w: 200 }, cell: (x) => audienceWords(x.audience) },
  ];
  return (
    <Stack gap="md">
      <Section id="plan-facts" title={t('plans.view.facts')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Fact label={t('plans.view.issuer')} size="sm">{plan.unitName}</Fact>
          <Fact label={t('plans.fields.issuedOn')} size="sm">{formatDate(plan.issuedOn) || '—'}</Fact>
          <Fact label={t('plans.fields.confidentiality')} size="sm">{CONFIDENTIALITY_LABELS[plan.confidentiality][lang]}</Fact>
          <Fact label={t('plans.fields.reminderDays')} size="sm">
            {plan.reminderDays.length > 0 ? t('plans.view.reminders', { days: plan.reminderDays.join(', ') }) : '—'}
          </Fact>
          {published && <Fact label={t('plans.view.audienceCount')} size="sm">{formatNumber(plan.audienceCount)}</Fact>}
          {plan.recipients.length > 0 && (
            <Fact label={t('plans.fields.recipients')} size="sm">
              <TextList items={plan.recipients} size="sm" spacing={0} />
            </Fact>
          )}
        </SimpleGrid>
      </Section>

      {(plan.parentPlan || plan.implements.length > 0) && (
        <Section id="plan-chain" title={t('plans.view.chain')}>
          <Stack component="ol" gap={6} m={0} pl="md" aria-label={t('plans.view.chain')}>
            {plan.parentPlan && (
              <li>
                <Anchor component={Link} to={`/plans/${plan.parentPlan.id}`} fw={600}>
                  {t('plans.view.planNumber', { number: plan.parentPlan.number ?? t('plans.noNumber') })}
                </Anchor>{' '}
                <Text span size="sm">
                  {plan.parentPlan.title} — {plan.parentPlan.unitName}
                </Text>
              </li>
            )}
            {plan.implements.map((d) => (
              <li key={d.id}>
                <Anchor component={Link} to={`/documents/${d.id}`} fw={600}>
                  {`${DOCUMENT_KIND_LABELS[d.kind]?.[lang] ?? d.kind} ${d.number ?? ''}`.trim()}
                </Anchor>{' '}
                <Text span size="sm">
                  {d.title}
                  {d.issuedOn && ` (${formatDate(d.issuedOn)})`}
                </Text>
              </li>
            ))}
          </Stack>
        </Section>
      )}

      <Section id="plan-task-list" title={t('plans.view.tasks', { n: plan.tasks.length })}>
        {plan.tasks.length === 0 ? (
          <Hint>{t('plans.editor.noTasks')}</Hint>
        ) : (
          <DataTable label={t('plans.view.tasksTable')} rows={plan.tasks} rowKey={(x) => x.id} columns={taskColumns} minWidth={760} verticalSpacing="xs" />
        )}
      </Section>

      <Section id="plan-report-list" title={t('plans.view.reports', { n: plan.obligations.length })}>
        {plan.obligations.length === 0 ? (
          <Hint>{t('plans.editor.noReports')}</Hint>
        ) : (
          <Stack gap="sm">
            {plan.obligations.map((o) => (
              <Paper key={o.id} withBorder p="sm" bg="gray.0" role="group" aria-label={o.title}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
                    <Text fw={600}>
                      {o.ord}. {o.title}
                    </Text>
                    <Text size="sm">
                      {t('plans.view.reportTo', { to: o.toText ?? '—' })}
                      {o.viaText && ` ${t('plans.view.reportVia', { via: o.viaText })}`}
                    </Text>
                    <Text size="sm">
                      {t('plans.view.due')}: {o.due.length > 0 ? duesLabel(o.due as Due[], lang) : '—'}
                      {o.cutoffDay && ` · ${t('plans.view.cutoff', { day: o.cutoffDay })}`}
                    </Text>
                    <Hint>{audienceWords(o.audience)}</Hint>
                  </Stack>
                  {published && statusUnitId && (
                    <Anchor component={Link} to={`/obligations/${o.id}/status?unit=${statusUnitId}`} fw={600} size="sm">
                      {t('plans.view.reportStatus')}
                    </Anchor>
                  )}
                </Group>
                {o.form.figures.length > 0 && (
                  <>
                    <Text size="sm" fw={500} mt="xs">
                      {t('plans.form.figures')}
                    </Text>
                    <List size="sm" spacing={0}>
                      {o.form.figures.map((f) => {
                        const whole = f.of ? o.form.figures.find((w) => w.key === f.of) : undefined;
                        return (
                          <List.Item key={f.key}>
                            {f.label}
                            {f.unit && ` (${f.unit})`}
                            {whole && (
                              <Text span c="dimmed" size="sm">
                                {' '}
                                — {t('plans.view.partOf', { whole: whole.label })}
                              </Text>
                            )}
                          </List.Item>
                        );
                      })}
                    </List>
                  </>
                )}
                {o.form.sections.length > 0 && (
                  <Text size="sm" mt={4}>
                    {t('plans.view.sections', { list: o.form.sections.map((s) => s.title).join('; ') })}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
