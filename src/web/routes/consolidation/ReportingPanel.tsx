import { Anchor, Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../components/UnitName.tsx';
import { Link } from 'react-router-dom';
import type { ConsolidationView } from '#shared/consolidation.ts';
import { UNIT_REPORT_STATE_LABELS } from '#shared/consolidation.ts';

import { useLang } from '../../components/use-lang.ts';
import { Hint } from '../../components/Hint.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { formatDate } from '../../components/format.ts';

type Report = ConsolidationView['reports'][number];

const ORDER: Record<Report['state'], number> = { missing: 0, returned: 1, awaiting_review: 2, not_due: 3, accepted: 4 };
const COLOR: Record<Report['state'], string> = { missing: 'red', returned: 'orange', awaiting_review: 'yellow', not_due: 'gray', accepted: 'green' };

/** Where a unit's report stands, and whether it came late. */
function ReportState({ row }: { row: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <Badge variant="light" color={COLOR[row.state]} tt="none">
        {UNIT_REPORT_STATE_LABELS[row.state][lang]}
      </Badge>
      {row.late && row.state !== 'missing' && (
        <Badge variant="outline" color="orange" tt="none" ml={4}>
          {t('consolidation.late')}
        </Badge>
      )}
    </>
  );
}

/**
 * Who reported: every unit whose report the consolidation looks at, those not counted first
 * (missing, returned, awaiting review, not yet due), with the day it reported and the days late.
 */
export function ReportingPanel({ view }: { view: ConsolidationView }) {
  const { t } = useTranslation();
  const s = view.summary;
  const rows = [...view.reports].sort((a, b) => ORDER[a.state] - ORDER[b.state] || (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.unitName.localeCompare(b.unitName, 'vi'));
  const columns: Column<Report>[] = [
    {
      key: 'unit',
      header: t('consolidation.unit'),
      cell: (r) => (
        <UnitName parentName={r.parentName}>
          <Anchor component={Link} to={`/obligation-instances/${r.instanceId}`} size="sm">
            {r.unitName}
          </Anchor>
        </UnitName>
      ),
    },
    { key: 'state', header: t('consolidation.state'), cell: (r) => <ReportState row={r} /> },
    { key: 'submitted', header: t('consolidation.submittedOn'), cell: (r) => formatDate(r.submittedOn) || '—' },
    { key: 'late', header: t('consolidation.daysLate'), numeric: true, cell: (r) => r.daysLate ?? '—' },
  ];
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
        <DataTable label={t('consolidation.reporting')} rows={rows} rowKey={(r) => r.unitId} columns={columns} minWidth={520} striped={false} verticalSpacing={4} />
      )}
    </Section>
  );
}
