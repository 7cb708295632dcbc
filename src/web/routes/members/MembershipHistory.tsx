import { ActionIcon, Anchor, Badge, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowsExchange, IconDots, IconDoorExit, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PersonDetail } from '#shared/members.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';

import { Hint } from '../../components/Hint.tsx';
import { useLabels } from '../../components/labels.ts';
import { Section } from '../../components/Section.tsx';
import { EditMembershipModal } from './EditMembershipModal.tsx';
import { EndMembershipModal } from './EndMembershipModal.tsx';
import { TransferModal } from './TransferModal.tsx';
import { formatDate } from '../../components/format.ts';

type Membership = PersonDetail['memberships'][number];
type Dialog = { kind: 'edit' | 'transfer' | 'end'; membership: Membership };

/** Every membership a person has held (newest first), with actions on the current ones. */
export function MembershipHistory({ person, canManage }: { person: PersonDetail; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rows = [...person.memberships].sort((a, b) => (b.validFrom < a.validFrom ? -1 : b.validFrom > a.validFrom ? 1 : 0));
  const reason = (r: string | null) => (r ? (i18n.exists(`members.endReasons.${r}`) ? t(`members.endReasons.${r}`) : r) : '');
  const actions = [
    { kind: 'edit', icon: IconPencil, label: t('members.editMembership') },
    { kind: 'transfer', icon: IconArrowsExchange, label: t('members.transfer') },
    { kind: 'end', icon: IconDoorExit, label: t('members.endMembership'), color: 'red' },
  ] as const;
  const columns: Column<Membership>[] = [
    {
      key: 'unit',
      header: t('members.unit'),
      cell: (m) => (
        <Anchor component={Link} to={`/units/${m.unitId}?tab=members`}>
          {m.unitName}
        </Anchor>
      ),
    },
    { key: 'category', header: t('members.category'), cell: (m) => labels.category(m.category) },
    { key: 'positions', header: t('members.positions'), cell: (m) => m.positions.map(labels.position).join(', ') },
    { key: 'from', header: t('members.from'), cell: (m) => formatDate(m.validFrom) },
    {
      key: 'to',
      header: t('members.to'),
      cell: (m) =>
        m.validTo ? (
          <>
            {formatDate(m.validTo)}
            {m.endReason && (
              <Text size="xs" c="dimmed">
                {reason(m.endReason)}
              </Text>
            )}
          </>
        ) : (
          <Badge color="green" variant="light" tt="none">
            {t('members.current')}
          </Badge>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      th: { w: 60 },
      cell: (m) =>
        !m.validTo && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" size="lg" aria-label={t('members.membershipActions', { unit: m.unitName })}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {actions.map((a) => (
                <Menu.Item key={a.kind} color={'color' in a ? a.color : undefined} leftSection={<a.icon size={16} aria-hidden />} onClick={() => setDialog({ kind: a.kind, membership: m })}>
                  {a.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ),
    });
  }

  return (
    <Section title={t('members.history')} id="memberships-title">
      {rows.length === 0 ? (
        <Hint>{t('members.noMemberships')}</Hint>
      ) : (
        <DataTable label={t('members.history')} rows={rows} rowKey={(m) => m.id} columns={columns} minWidth={680} striped={false} />
      )}
      {dialog?.kind === 'edit' && <EditMembershipModal membership={dialog.membership} personName={person.fullName} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'transfer' && <TransferModal person={person} membership={dialog.membership} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && <EndMembershipModal membership={dialog.membership} personName={person.fullName} onClose={() => setDialog(null)} />}
    </Section>
  );
}
