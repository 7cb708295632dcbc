import { ActionIcon, Anchor, Badge, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowsExchange, IconDots, IconDoorExit, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PersonDetail } from '../../../shared/members.ts';
import { formatDate } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { EditMembershipModal } from './EditMembershipModal.tsx';
import { EndMembershipModal } from './EndMembershipModal.tsx';
import { TransferModal } from './TransferModal.tsx';
import { Hint } from '../../components/Hint.tsx';
import { Section } from '../../components/Section.tsx';

type Membership = PersonDetail['memberships'][number];
type Dialog = { kind: 'edit' | 'transfer' | 'end'; membership: Membership };

/** Every membership a person has held (newest first), with actions on the current ones. */
export function MembershipHistory({ person, canManage }: { person: PersonDetail; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rows = [...person.memberships].sort((a, b) => (b.validFrom < a.validFrom ? -1 : b.validFrom > a.validFrom ? 1 : 0));
  const reason = (r: string | null) => (r ? (i18n.exists(`members.endReasons.${r}`) ? t(`members.endReasons.${r}`) : r) : '');

  return (
    <Section title={t('members.history')} id="memberships-title">
      {rows.length === 0 ? (
        <Hint>{t('members.noMemberships')}</Hint>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" aria-label={t('members.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.unit')}</Table.Th>
                <Table.Th>{t('members.category')}</Table.Th>
                <Table.Th>{t('members.positions')}</Table.Th>
                <Table.Th>{t('members.from')}</Table.Th>
                <Table.Th>{t('members.to')}</Table.Th>
                {canManage && <Table.Th w={60}><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/units/${m.unitId}?tab=members`}>
                      {m.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{labels.category(m.category)}</Table.Td>
                  <Table.Td>{m.positions.map(labels.position).join(', ')}</Table.Td>
                  <Table.Td>{formatDate(m.validFrom)}</Table.Td>
                  <Table.Td>
                    {m.validTo ? (
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
                    )}
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {!m.validTo && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" size="lg" aria-label={t('members.membershipActions', { unit: m.unitName })}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog({ kind: 'edit', membership: m })}>
                              {t('members.editMembership')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => setDialog({ kind: 'transfer', membership: m })}>
                              {t('members.transfer')}
                            </Menu.Item>
                            <Menu.Item color="red" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => setDialog({ kind: 'end', membership: m })}>
                              {t('members.endMembership')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'edit' && <EditMembershipModal membership={dialog.membership} personName={person.fullName} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'transfer' && <TransferModal person={person} membership={dialog.membership} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && <EndMembershipModal membership={dialog.membership} personName={person.fullName} onClose={() => setDialog(null)} />}
    </Section>
  );
}
