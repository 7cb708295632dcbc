import { Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOOK_BACK_RESULTS } from '#shared/personal-plans.ts';
import type { PersonalPlanView, PlanSections } from '#shared/personal-plans.ts';
import { Fact } from '../../components/Fact.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Hint } from '../../components/Hint.tsx';
import { errorMessage } from '../../components/notify.ts';
import { Section } from '../../components/Section.tsx';
import classes from '../../components/layout.module.css';
import { useSaveLookBack, useSaveLookBackComments } from './personal-plan-queries.ts';
import { lookBackEntries } from './plan-items.ts';
import type { FormSection, LookBackEntry } from './plan-items.ts';

type Result = (typeof LOOK_BACK_RESULTS)[number];

/**
 * The year-end look back of a confirmed plan (its last confirmed version's items): for each item the
 * member's result (done, partly, not done) and account, and the secretary's comment. Each writes
 * only their own part.
 */
export function LookBackPanel({ v, sections, items }: { v: PersonalPlanView; sections: readonly FormSection[]; items: PlanSections }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<LookBackEntry[]>(() => lookBackEntries(sections, items, v.lookBack));
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(errorMessage(e));
  const saveOwn = useSaveLookBack(v.round.id, v.person.id, { notice: () => t('personalPlans.lookBack.saved'), onError });
  const saveComments = useSaveLookBackComments(v.round.id, v.person.id, { notice: () => t('personalPlans.lookBack.commentsSaved'), onError });
  const set = (i: number, change: Partial<LookBackEntry>) => setEntries((cur) => cur.map((e, j) => (j === i ? { ...e, ...change } : e)));
  const results = LOOK_BACK_RESULTS.map((r) => ({ value: r, label: t(`personalPlans.lookBack.results.${r}`) }));

  function submitOwn() {
    const chosen = entries.filter((e) => e.result !== null);
    if (chosen.length === 0) return setError(t('personalPlans.lookBack.chooseOne'));
    setError(null);
    saveOwn.mutate({ items: chosen.map((e) => ({ section: e.section, item: e.item, result: e.result!, account: e.account.trim() })) });
  }
  function submitComments() {
    setError(null);
    saveComments.mutate({ items: entries.map((e) => ({ section: e.section, item: e.item, comment: e.comment.trim() })) });
  }

  return (
    <Section title={t('personalPlans.lookBack.title')} id="plan-look-back">
      <Stack gap="sm">
        <Hint>{t('personalPlans.lookBack.hint')}</Hint>
        {entries.map((e, i) => (
          <Paper key={`${e.section}-${e.item}`} withBorder p="xs">
            <Stack gap="xs">
              <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.item}. {e.text}
              </Text>
              {v.can.lookBack ? (
                <>
                  <Select label={t('personalPlans.lookBack.resultOf', { n: e.item })} data={results} value={e.result} onChange={(x) => set(i, { result: x as Result | null })} clearable />
                  <Textarea label={t('personalPlans.lookBack.accountOf', { n: e.item })} autosize minRows={2} value={e.account} onChange={(x) => set(i, { account: x.currentTarget.value })} />
                </>
              ) : (
                <Group gap="lg" align="flex-start">
                  <Fact label={t('personalPlans.lookBack.result')} size="sm">
                    {e.result && t(`personalPlans.lookBack.results.${e.result}`)}
                  </Fact>
                  <Fact label={t('personalPlans.lookBack.account')} size="sm" pre>
                    {e.account}
                  </Fact>
                </Group>
              )}
              {v.can.comment ? (
                <Textarea label={t('personalPlans.lookBack.commentOf', { n: e.item })} autosize minRows={2} value={e.comment} onChange={(x) => set(i, { comment: x.currentTarget.value })} />
              ) : (
                e.comment && (
                  <Fact label={t('personalPlans.lookBack.comment')} size="sm" pre>
                    {e.comment}
                  </Fact>
                )
              )}
            </Stack>
          </Paper>
        ))}
        <FormError message={error} />
        {(v.can.lookBack || v.can.comment) && (
          <Group gap="sm" justify="flex-end" className={classes.actions}>
            {v.can.lookBack && (
              <Button onClick={submitOwn} loading={saveOwn.isPending}>
                {t('personalPlans.lookBack.save')}
              </Button>
            )}
            {v.can.comment && (
              <Button onClick={submitComments} loading={saveComments.isPending}>
                {t('personalPlans.lookBack.saveComments')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Section>
  );
}
