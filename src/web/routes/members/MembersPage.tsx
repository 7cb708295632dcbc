import { EmptyState } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useUnit } from '../../components/unit-queries.ts';
import { MembersPanel } from './MembersPanel.tsx';

/** The members of the unit the user acts for. */
export function MembersPage() {
  const { t } = useTranslation();
  const acting = useActingUnit();
  const unit = useUnit(acting.unitId);

  if (acting.loading) return <PageLoader />;
  if (!acting.unitId) {
    return <EmptyState icon={<IconUsers size={40} aria-hidden />} title={t('members.noUnitTitle')} description={t('members.noUnitBody')} py="xl" />;
  }
  if (unit.isPending) return <PageLoader />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  return (
    <>
      <PageHeader title={t('members.title')} ancestors={u.ancestors} current={{ id: u.id, name: u.name }} subtitle={t('members.subtitle', { unit: u.name })} />
      <MembersPanel key={u.id} unitId={u.id} unitName={u.name} canManage={u.permissions.manageMembers && u.validTo === null} />
    </>
  );
}
