import { Anchor, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

import { Hint } from '../../components/Hint.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useRouteId } from '../../components/use-route-id.ts';
import { useCampaign, useCampaignCoverage } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';
import { usePageUnit } from './use-page-unit.ts';
import { formatDate } from '../../components/format.ts';

/** A campaign: month by month its documents and topics, and which cells covered which month. */
export function CampaignPage() {
  const { t } = useTranslation();
  const id = useRouteId();
  const page = usePageUnit();
  const campaign = useCampaign(id);
  const coverage = useCampaignCoverage(id, page.unitId ?? '');
  if (campaign.isPending || page.loading) return <PageLoader />;
  if (campaign.isError) return <ErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  return (
    <>
      <PageHeader title={c.title} subtitle={`${c.unit.name}${c.plan ? ` · ${c.plan.number ?? ''} ${c.plan.title}` : ''}`} />
      <MeetingsNav />
      <Stack gap="md">
        <Title order={2} fz="h4">
          {t('meetings.campaigns.coverage')}
        </Title>
        {coverage.isPending ? (
          <PageLoader />
        ) : coverage.isError ? (
          <ErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={Math.max(480, 160 + coverage.data.months.length * 64)}>
            <Table striped aria-label={t('meetings.campaigns.coverage')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('meetings.campaigns.cell')}</Table.Th>
                  {coverage.data.months.map((m) => (
                    <Table.Th key={m.id} ta="center">
                      {m.month.slice(5)}/{m.month.slice(2, 4)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {coverage.data.cells.map((cell) => (
                  <Table.Tr key={cell.unitId}>
                    <Table.Th scope="row" fw={500}>
                      {cell.name}
                      {cell.parentName && <Text size="xs" c="dimmed">{cell.parentName}</Text>}
                    </Table.Th>
                    {cell.months.map((m, i) => (
                      <Table.Td key={m.monthId} ta="center">
                        {m.meetingId ? (
                          <Anchor component={Link} to={`/meetings/${m.meetingId}`} aria-label={t('meetings.campaigns.heldOn', { month: coverage.data.months[i]!.label, date: formatDate(m.date) })}>
                            <IconCheck size={18} color="green" aria-hidden />
                          </Anchor>
                        ) : (
                          <Text span c="dimmed" aria-label={t('meetings.campaigns.notHeld', { month: coverage.data.months[i]!.label })}>
                            —
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t('meetings.campaigns.covered')}</Table.Th>
                  {coverage.data.months.map((m) => (
                    <Table.Td key={m.id} ta="center">
                      {m.covered}/{coverage.data.total}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Title order={2} fz="h4">
          {t('meetings.campaigns.schedule')}
        </Title>
        {c.months.map((m) => (
          <Paper key={m.id} withBorder p="sm" component="section" aria-label={m.label}>
            <Text fw={600}>{m.label}</Text>
            {m.topics.length > 0 && (
              <Hint>{m.topics.join('; ')}</Hint>
            )}
            <List size="sm" mt={4}>
              {m.documents.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/documents/${d.id}`}>
                    {d.number ?? d.kind}
                  </Anchor>
                  {d.issuedOn && ` (${formatDate(d.issuedOn)})`}
                  {(d.note ?? d.title) && ` — ${d.note ?? d.title}`}
                </List.Item>
              ))}
            </List>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
