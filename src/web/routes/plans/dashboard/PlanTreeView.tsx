import { Anchor, Badge, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PLAN_STATUS_LABELS } from '#shared/plans.ts';
import type { PlanTree } from '#shared/plans.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Hint } from '../../../components/Hint.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useLang } from '../../../components/use-lang.ts';
import { usePlanTree } from '../plan-queries.ts';
import { STATUS_COLORS } from '../plan-words.ts';

type Node = PlanTree[number] & { children: Node[] };

function nest(rows: PlanTree): Node[] {
  const byId = new Map<string, Node>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: Node[] = [];
  for (const n of byId.values()) {
    const parent = n.parentPlanId ? byId.get(n.parentPlanId) : undefined;
    if (parent && n.depth > 0) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

function Branch({ nodes, root }: { nodes: Node[]; root: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack component="ul" gap={4} m={0} pl={root ? 0 : 'lg'} style={{ listStyle: 'none', borderLeft: root ? undefined : '2px solid var(--mantine-color-gray-3)' }}>
      {nodes.map((n) => (
        <li key={n.id}>
          <Group gap={6} wrap="wrap" py={2}>
            <Anchor component={Link} to={`/plans/${n.id}`} fw={n.depth === 0 ? 700 : 500} size="sm">
              {n.number ?? t('plans.noNumber')}
            </Anchor>
            <Hint>{n.unitName}</Hint>
            <Badge size="sm" variant="light" color={STATUS_COLORS[n.status]} tt="none" radius="sm">
              {PLAN_STATUS_LABELS[n.status][lang]}
            </Badge>
          </Group>
          {n.children.length > 0 && <Branch nodes={n.children} root={false} />}
        </li>
      ))}
    </Stack>
  );
}

/** The plan and, below it, the implementing plans of the lower units, level by level. */
export function PlanTreeView({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const tree = usePlanTree(planId);
  if (tree.isPending) return <PageLoader />;
  if (tree.isError) return <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  const below = tree.data.filter((n) => n.depth > 0).length;
  return (
    <Stack gap="xs" aria-label={t('plans.tree.title')} role="group">
      <Hint>{below === 0 ? t('plans.tree.none') : t('plans.tree.count', { n: below })}</Hint>
      <Branch nodes={nest(tree.data)} root />
    </Stack>
  );
}
