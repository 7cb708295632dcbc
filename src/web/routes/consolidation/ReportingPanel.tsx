import { Anchor, Badge, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ConsolidationView } from '../../../shared/consolidation.ts';
import { UNIT_REPORT_STATE_LABELS } from '../../../shared/consolidation.ts';
import { formatDate } from '../../components/format.ts';
import { useLang } from '../../components/use-lang.ts';
import { Hint } from '../../components/Hint.tsx';
import { Section } from '../../components/Section.tsx';

type Report = ConsolidationView['reports'][number];

const ORDER: Record<Report['state'], number> = { missing: 0, returned: 1, awaiting_review: 2, not_due: 3, accepted: 4 };
const COLOR: Record<Report['state'], string> = { missing: 'red', returned: 'orange', awaiting_review: 'yellow', not_due: 'gray', accepted: 'green' };

/**
 * Who reported: every unit whose report the consolidation looks at, those not counted first
 * (missing, returned, awaiting review, not yet due), with the day it reported and the days late.
 */
export function ReportingPanel({ view }: { view: ConsolidationView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = view.summary;
  const rows = [...view.reports].sort((a, b) => ORDER[a.state] - ORDER[b.state] || (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.unitName.localeCompare(b.unitName, 'vi'));
  return (
    <Section title={t('consolidation.reporting')} id="reporting-title" titleGap="xs">
      <Group gap="xs" mb="sm">
        <Badge variant="light" color="green" tt="none">{t('consolidation.countCounted', { n: s.counted, of: s.expected })}</Badge>
        {s.late > 0 && <Badge variant="light" color="orange" tt="none">{t('consolidation.countLate', { n: s.late })}</Badge>}
        {s.awaitingReview > 0 && <Badge variant="light" color="yellow" tt="none">{t('consolidation.countAwaiting', { n: s.awaitingReview })}</Badge>}
        {s.returned > 0 && <Badge variant="light" color="orange" tt="none">{t('consolidation.countReturned', { n: s.returned })}</Badge>}
        {s.missing > 0 && <Badge variant="light" color="red" tt="none">{t('consolidation.countMissing', { n: s.missing })}</Badge>}
      </Group>
      {rows.length === 0 ? (
        <Hint>{t('consolidation.noReports')}</Hint>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} aria-label={t('consolidation.reporting')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consolidation.unit')}</Table.Th>
                <Table.Th>{t('consolidation.state')}</Table.Th>
                <Table.Th>{t('consolidation.submittedOn')}</Table.Th>
                <Table.Th ta="right">{t('consolidation.daysLate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.unitId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/obligation-instances/${r.instanceId}`} size="sm">
                      {r.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={COLOR[r.state]} tt="none">
                      {UNIT_REPORT_STATE_LABELS[r.state][lang]}
                    </Badge>
                    {r.late && r.state !== 'missing' && (
                      <Badge variant="outline" color="orange" tt="none" ml={4}>
                        {t('consolidation.late')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(r.submittedOn) || '—'}</Table.Td>
                  <Table.Td ta="right">{r.daysLate ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
