import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { grantableRoles, ROLES } from '#core/access/roles.ts';
import type { Role } from '#core/access/roles.ts';
import { useLabels } from '../../components/labels.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useMe } from '../../components/use-me.ts';
import { Hint } from '../../components/Hint.tsx';
import { RemoveButton } from '../../components/RemoveButton.tsx';

export interface GrantRow {
  key: number;
  unitId: string | null;
  unitName: string;
  role: Role | null;
}

interface Props {
  value: GrantRow[];
  onChange: (rows: GrantRow[]) => void;
  errors: Record<string, string>;
}

let nextKey = 1;
export function newGrantRow(init?: Partial<GrantRow>): GrantRow {
  return { key: nextKey++, unitId: null, unitName: '', role: null, ...init };
}

/** The roles the user may hand out: everything for a superuser, else what their own roles allow. */
function useGrantableRoles(): readonly Role[] {
  const me = useMe().data;
  if (!me) return [];
  if (me.superuser) return ROLES;
  const set = new Set<Role>();
  for (const g of me.grants) for (const r of grantableRoles(g.role)) set.add(r);
  return ROLES.filter((r) => set.has(r));
}

/** Grants of a user: one row per unit and role. A grant covers the unit and everything below it. */
export function GrantsEditor({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const roles = useGrantableRoles();
  const update = (key: number, patch: Partial<GrantRow>) => onChange(value.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('users.grants')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('users.grantsHint')}
      </Text>
      {value.length === 0 && (
        <Hint>{t('users.noGrants')}</Hint>
      )}
      {value.map((row, i) => (
        <Paper key={row.key} withBorder p="xs" component="fieldset" aria-label={t('users.grantN', { n: i + 1 })} style={{ margin: 0 }}>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
              <UnitSelect
                label={t('users.grantUnit')}
                value={row.unitId ? { id: row.unitId, name: row.unitName } : null}
                onChange={(u) => update(row.key, { unitId: u?.id ?? null, unitName: u?.name ?? '' })}
                error={errors[`grants.${i}.unitId`]}
              />
            </div>
            <Select
              style={{ flex: '1 1 10rem' }}
              label={t('users.grantRole')}
              data={roles.map((r) => ({ value: r, label: labels.role(r) }))}
              value={row.role}
              onChange={(r) => update(row.key, { role: r as Role | null })}
              error={errors[`grants.${i}.role`]}
              comboboxProps={{ withinPortal: true }}
            />
            <RemoveButton label={t('users.removeGrant', { n: i + 1 })} onClick={() => onChange(value.filter((r) => r.key !== row.key))} size={42} />
          </Group>
        </Paper>
      ))}
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...value, newGrantRow()])} w="fit-content">
        {t('users.addGrant')}
      </Button>
      {errors.grants && (
        <Text c="red" size="sm">
          {errors.grants}
        </Text>
      )}
    </Stack>
  );
}
