import { Button, EmptyState } from '@mantine/core';
import { IconBinaryTree2 } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useRootUnits } from '../../components/unit-queries.ts';
import { useMe } from '../../components/use-me.ts';
import { TreeContext } from './tree-context.ts';
import { UnitTreeNode } from './UnitTreeNode.tsx';
import classes from './UnitTree.module.css';

/** The organisation tree from the user's root units; sub-units load when a unit is expanded. */
export function UnitTree({ on }: { on: string | null }) {
  const { t } = useTranslation();
  const roots = useRootUnits(on);
  const me = useMe().data;
  const [activeId, setActiveId] = useState<string | null>(null);
  const state = useMemo(() => ({ on, activeId, setActiveId }), [on, activeId]);

  if (roots.isPending) return <PageLoader />;
  if (roots.isError) return <ErrorAlert error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.items.length === 0) {
    // An installation without units: its administrator is taken to the first-run guide.
    if (me?.superuser && on === null) return <Navigate to="/setup" replace />;
    return (
      <EmptyState icon={<IconBinaryTree2 size={40} aria-hidden />} title={t('units.emptyTitle')} description={t('units.emptyBody')} py="xl">
        <EmptyState.Actions>
          {me?.superuser ? (
            <Button component={Link} to="/setup">
              {t('setup.start')}
            </Button>
          ) : (
            <Button variant="light" onClick={() => void roots.refetch()}>
              {t('common.reload')}
            </Button>
          )}
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <TreeContext.Provider value={state}>
      <ul role="tree" aria-label={t('units.treeLabel')} className={classes.tree}>
        {roots.data.items.map((u, i) => (
          <UnitTreeNode key={u.id} unit={u} level={1} first={i === 0} />
        ))}
      </ul>
    </TreeContext.Provider>
  );
}
