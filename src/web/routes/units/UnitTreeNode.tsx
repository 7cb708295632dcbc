import { ActionIcon, Anchor, Group, Loader, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { UnitSummary } from '#shared/units.ts';
import { useLabels } from '../../components/labels.ts';
import { unitHref, useChildUnits } from '../../components/unit-queries.ts';
import { useTreeState } from './tree-context.ts';
import { focusEdge, focusFirstChild, focusParent, focusSibling } from './tree-keys.ts';
import classes from './UnitTree.module.css';

interface Props {
  unit: UnitSummary;
  level: number;
  first: boolean;
}

/** One unit of the tree: expands to load its sub-units (click the arrow, or →/← on the keyboard). */
export function UnitTreeNode({ unit, level, first }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { on, activeId, setActiveId } = useTreeState();
  const [expanded, setExpanded] = useState(false);
  const labelId = useId();
  const hasChildren = unit.childCount > 0;
  const children = useChildUnits(unit.id, on, expanded && hasChildren);
  const focusable = activeId === unit.id || (activeId === null && first && level === 1);
  const itemRef = useRef<HTMLLIElement>(null);

  /** Expands or collapses; when collapsing hides the item that holds Tab focus, this item takes it. */
  function setOpen(open: boolean) {
    if (!open && itemRef.current?.querySelector(':scope > [role="group"] [tabindex="0"]')) setActiveId(unit.id);
    setExpanded(open);
  }

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>) {
    if (e.target !== e.currentTarget) return;
    const el = e.currentTarget;
    const handled = (() => {
      switch (e.key) {
        case 'ArrowDown':
          focusSibling(el, 1);
          return true;
        case 'ArrowUp':
          focusSibling(el, -1);
          return true;
        case 'Home':
          focusEdge(el, 'first');
          return true;
        case 'End':
          focusEdge(el, 'last');
          return true;
        case 'ArrowRight':
          if (!hasChildren) return true;
          if (!expanded) setOpen(true);
          else focusFirstChild(el);
          return true;
        case 'ArrowLeft':
          if (expanded) setOpen(false);
          else focusParent(el);
          return true;
        case ' ':
          if (hasChildren) setOpen(!expanded);
          return true;
        case 'Enter':
          navigate(unitHref(unit.id, on));
          return true;
        default:
          return false;
      }
    })();
    if (handled) e.preventDefault();
  }

  return (
    <li
      ref={itemRef}
      role="treeitem"
      aria-labelledby={labelId}
      aria-level={level}
      aria-expanded={hasChildren ? expanded : undefined}
      tabIndex={focusable ? 0 : -1}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget) setActiveId(unit.id);
      }}
      className={classes.item}
    >
      <Group gap={4} wrap="nowrap" className={classes.row} align="flex-start">
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            tabIndex={-1}
            aria-label={t(expanded ? 'units.collapse' : 'units.expand', { name: unit.name })}
            onClick={() => setOpen(!expanded)}
            className={classes.toggle}
            data-expanded={expanded || undefined}
          >
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        ) : (
          <span className={classes.spacer} aria-hidden />
        )}
        <div className={classes.label}>
          <Anchor component={Link} to={unitHref(unit.id, on)} id={labelId} tabIndex={-1} fw={level === 1 ? 600 : 500} c="dark.8" className={classes.name}>
            {unit.name}
          </Anchor>
          <Text component="span" size="xs" c="dimmed" className={classes.kind}>
            {labels.unitKind(unit.kind)}
            {hasChildren ? ` · ${t('units.subUnitCount', { count: unit.childCount })}` : ''}
          </Text>
        </div>
      </Group>
      {expanded && hasChildren && (
        <ul role="group" className={classes.group}>
          {children.isPending && (
            <li role="none" className={classes.status}>
              <Loader size="xs" mr={8} aria-hidden />
              <Text span size="sm" c="dimmed">
                {t('common.loading')}
              </Text>
            </li>
          )}
          {children.isError && (
            <li role="none" className={classes.status}>
              <Text span size="sm" c="red">
                {t('units.childrenFailed')}{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => void children.refetch()}>
                  {t('common.retry')}
                </Anchor>
              </Text>
            </li>
          )}
          {children.data?.length === 0 && (
            <li role="none" className={classes.status}>
              <Text span size="sm" c="dimmed">
                {on ? t('units.noChildrenOn') : t('units.noChildren')}
              </Text>
            </li>
          )}
          {children.data?.map((c, i) => (
            <UnitTreeNode key={c.id} unit={c} level={level + 1} first={i === 0} />
          ))}
        </ul>
      )}
    </li>
  );
}
