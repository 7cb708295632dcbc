import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import classes from './layout.module.css';

export interface Crumb {
  id: string;
  name: string;
}

interface Props {
  title: ReactNode;
  /** The units above this page's unit, top first: shown as breadcrumbs into the tree. */
  ancestors?: Crumb[];
  /** The current unit, when the page belongs to a unit but is not the unit page itself. */
  current?: Crumb;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** Where a breadcrumb's unit opens (its page as of a past date, say); its page today by default. */
  crumbHref?: (id: string) => string;
}

/** Breadcrumbs (the path in the tree), the page title and the page's actions. */
export function PageHeader({ title, ancestors, current, subtitle, actions, crumbHref = (id) => `/units/${id}` }: Props) {
  const { t } = useTranslation();
  const crumbs = [...(ancestors ?? []), ...(current ? [current] : [])];
  return (
    <Stack gap={6} mb="md">
      {ancestors && (
        <nav aria-label={t('shell.breadcrumbs')}>
          <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
            <Anchor component={Link} to="/units" size="sm">
              {t('nav.tree')}
            </Anchor>
            {crumbs.map((c) => (
              <Anchor key={c.id} component={Link} to={crumbHref(c.id)} size="sm">
                {c.name}
              </Anchor>
            ))}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" component="div">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" className={classes.actions}>
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
