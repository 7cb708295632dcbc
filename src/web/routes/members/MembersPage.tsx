import { EmptyState } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ActingUnitPage } from '../../components/ActingUnitPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { MembersPanel } from './MembersPanel.tsx';

/** The members of the unit the user acts for. */
export function MembersPage() {
  const { t } = useTranslation();
  return (
    <ActingUnitPage none={<EmptyState icon={<IconUsers size={40} aria-hidden />} title={t('members.noUnitTitle')} description={t('members.noUnitBody')} py="xl" />}>
      {(u) => (
        <>
          <PageHeader title={t('members.title')} ancestors={u.ancestors} current={{ id: u.id, name: u.name }} subtitle={t('members.subtitle', { unit: u.name })} />
          <MembersPanel key={u.id} unitId={u.id} unitName={u.name} canManage={u.permissions.manageMembers && u.validTo === null} />
        </>
      )}
    </ActingUnitPage>
  );
}
