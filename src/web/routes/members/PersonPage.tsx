import { Button, SimpleGrid, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Fact } from '../../components/Fact.tsx';

import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Section } from '../../components/Section.tsx';
import { useUnit } from '../../components/unit-queries.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { EditPersonModal } from './EditPersonModal.tsx';
import { usePerson } from './member-queries.ts';
import { MembershipHistory } from './MembershipHistory.tsx';
import { formatDate } from '../../components/format.ts';

/** A person: their details and every membership they have held, with the actions on the current ones. */
export function PersonPage() {
  const { t } = useTranslation();
  const id = useRouteId();
  const person = usePerson(id);
  const unit = useUnit(person.data?.unitId);
  const [editing, setEditing] = useState(false);

  if (person.isPending) return <PageLoader />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const canManage = unit.data?.permissions.manageMembers ?? false;

  return (
    <>
      <PageHeader
        title={p.fullName}
        ancestors={unit.data?.ancestors ?? []}
        current={{ id: p.unitId, name: p.unitName }}
        subtitle={p.jobTitle ?? undefined}
        actions={
          canManage ? (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
              {t('members.editPerson')}
            </Button>
          ) : null
        }
      />
      <Stack>
        <Section title={t('members.personInfo')} id="person-info-title">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
            <Fact label={t('members.gender')} caps>{p.gender ? t(`members.genders.${p.gender}`) : ''}</Fact>
            <Fact label={t('members.birthDate')} caps>{formatDate(p.birthDate)}</Fact>
            <Fact label={t('members.managingUnit')} caps>{p.unitName}</Fact>
            <Fact label={t('members.partyCardNo')} caps>{p.partyCardNo}</Fact>
            <Fact label={t('members.joinedPartyOn')} caps>{formatDate(p.joinedPartyOn)}</Fact>
            <Fact label={t('members.phone')} caps>{p.phone}</Fact>
            <Fact label={t('members.email')} caps>{p.email}</Fact>
          </SimpleGrid>
        </Section>
        <MembershipHistory person={p} canManage={canManage} />
      </Stack>
      {editing && <EditPersonModal person={p} onClose={() => setEditing(false)} />}
    </>
  );
}
