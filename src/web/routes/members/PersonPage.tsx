import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatViDate } from '../../../core/text/dates.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useUnit } from '../../components/unit-queries.ts';
import { EditPersonModal } from './EditPersonModal.tsx';
import { usePerson } from './member-queries.ts';
import { MembershipHistory } from './MembershipHistory.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" style={{ overflowWrap: 'anywhere' }}>
        {children || <Text span c="dimmed">—</Text>}
      </Text>
    </div>
  );
}

/** A person: their details and every membership they have held, with the actions on the current ones. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
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
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="person-info-title">
          <Title order={2} fz="h4" mb="sm" id="person-info-title">
            {t('members.personInfo')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
            <Field label={t('members.gender')}>{p.gender ? t(`members.genders.${p.gender}`) : ''}</Field>
            <Field label={t('members.birthDate')}>{formatViDate(p.birthDate)}</Field>
            <Field label={t('members.managingUnit')}>{p.unitName}</Field>
            <Field label={t('members.partyCardNo')}>{p.partyCardNo}</Field>
            <Field label={t('members.joinedPartyOn')}>{formatViDate(p.joinedPartyOn)}</Field>
            <Field label={t('members.phone')}>{p.phone}</Field>
            <Field label={t('members.email')}>{p.email}</Field>
          </SimpleGrid>
        </Paper>
        <MembershipHistory person={p} canManage={canManage} />
      </Stack>
      {editing && <EditPersonModal person={p} onClose={() => setEditing(false)} />}
    </>
  );
}
