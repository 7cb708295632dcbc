import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import type { SetupStatus } from '#shared/setup.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useMe } from '../../components/use-me.ts';
import { CreateTopUnitModal } from './CreateTopUnitModal.tsx';
import type { SetupStep } from './setup-queries.ts';
import { nextStep, SETUP_STEPS, stepsDone, useSetupStatus } from './setup-queries.ts';

/** Where each step's work is done: the dialogs open from these addresses. */
function stepLink(step: SetupStep, s: SetupStatus): string | null {
  const top = s.topUnits[0];
  if (!top) return null;
  if (step === 'tree') return `/units/${top.id}?action=import-tree`;
  if (step === 'members') return `/units/${top.id}?tab=members&action=import-members`;
  if (step === 'accounts') return '/users/bulk';
  return `/units/${top.id}`;
}

/** What a step has done so far, in words. */
function stepFacts(step: SetupStep, s: SetupStatus, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (step) {
    case 'top':
      return s.topUnits.length > 0 ? s.topUnits.map((u) => u.name).join(', ') : t('setup.top.none');
    case 'tree':
      return t('setup.tree.facts', { units: formatNumber(s.units) });
    case 'members':
      return t('setup.members.facts', { members: formatNumber(s.members) });
    case 'accounts':
      return t('setup.accounts.facts', { accounts: formatNumber(s.accounts), missing: formatNumber(s.secretariesWithoutAccount) });
  }
}

/**
 * The first-run guide: an installation with no units is set up in four steps — the top unit, the
 * tree, the members, the accounts — each saying what is done and what comes next.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const status = useSetupStatus(me?.superuser === true);
  const [creating, setCreating] = useState(false);
  if (me && !me.superuser) return <Navigate to="/home" replace />;
  if (!me || status.isPending) return <PageLoader />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const done = stepsDone(s);
  const next = nextStep(s);
  return (
    <>
      <PageHeader title={t('setup.title')} subtitle={next ? t('setup.intro') : t('setup.allDone')} />
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {SETUP_STEPS.map((step, i) => {
          const link = stepLink(step, s);
          const isNext = step === next;
          return (
            <Paper key={step} component="li" withBorder p="md" aria-current={isNext ? 'step' : undefined} style={isNext ? { borderColor: 'var(--mantine-color-blue-5)' } : undefined}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Group align="flex-start" gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: '16rem' }}>
                  {done[step] ? <IconCircleCheck size={28} color="var(--mantine-color-green-7)" aria-hidden /> : <IconCircleDashed size={28} color="var(--mantine-color-gray-6)" aria-hidden />}
                  <Stack gap={4}>
                    <Title order={2} fz="h4">
                      {i + 1}. {t(`setup.${step}.title`)}{' '}
                      {done[step] ? (
                        <Badge color="green" variant="light">{t('setup.done')}</Badge>
                      ) : isNext ? (
                        <Badge color="blue" variant="light">{t('setup.next')}</Badge>
                      ) : null}
                    </Title>
                    <Text size="sm">{t(`setup.${step}.what`)}</Text>
                    <Text size="sm" c="dimmed" data-testid={`setup-${step}-facts`}>
                      {stepFacts(step, s, t)}
                    </Text>
                  </Stack>
                </Group>
                {step === 'top' && !done.top ? (
                  <Button onClick={() => setCreating(true)}>{t('setup.top.create')}</Button>
                ) : link && step !== 'top' ? (
                  <Button component={Link} to={link} variant={isNext ? 'filled' : 'light'} disabled={!done.top}>
                    {t(`setup.${step}.action`)}
                  </Button>
                ) : null}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {creating && <CreateTopUnitModal onClose={() => setCreating(false)} />}
    </>
  );
}
