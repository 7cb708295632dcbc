import { Accordion, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sectionsOf } from '#core/reports/form.ts';
import type { ObligationInstanceDetail, SubmissionVersion } from '#shared/reports.ts';
import { formatDateTime, formatNumber, formatRate } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { FileLinks } from '../../components/attachments/AttachmentList.tsx';
import { LinkList } from '../../components/LinkList.tsx';
import classes from './reports.module.css';
import { ReviewComment } from './ReviewComment.tsx';

export const VERSION_COLORS: Record<SubmissionVersion['status'], string> = { draft: 'gray', submitted: 'blue', returned: 'orange', accepted: 'green' };

/** One version: its figures (a part against its whole), its narrative, its files and the review. */
function VersionBody({ v, form }: { v: SubmissionVersion; form: ObligationInstanceDetail['obligation']['form'] }) {
  const { t } = useTranslation();
  const sections = sectionsOf({ figures: form.figures, sections: form.sections });
  return (
    <Stack gap="sm">
      {form.figures.length > 0 && (
        <Table.ScrollContainer minWidth={300}>
          <Table withTableBorder verticalSpacing={4} className={classes.figureTable} aria-label={t('reports.versions.figuresOf', { n: v.version })}>
            <Table.Tbody>
              {form.figures.map((f) => {
                const value = v.figures[f.key];
                const whole = f.of ? form.figures.find((w) => w.key === f.of) : undefined;
                const of = whole ? v.figures[whole.key] : undefined;
                return (
                  <Table.Tr key={f.key}>
                    <Table.Th scope="row" fw={400}>
                      {f.label}
                      {f.unit && ` (${f.unit})`}
                    </Table.Th>
                    <Table.Td ta="right" fw={600}>
                      {typeof value === 'number' ? formatNumber(value) : '—'}
                      {typeof value === 'number' && typeof of === 'number' && (
                        <Text span size="xs" c="dimmed" fw={400}>
                          {' '}
                          / {formatNumber(of)}
                          {of > 0 && value <= of && ` (${formatRate(value / of)})`}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sections.map((s) =>
        v.narrative[s.key] ? (
          <div key={s.key}>
            <Text size="sm" fw={600}>
              {s.title}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {v.narrative[s.key]}
            </Text>
          </div>
        ) : null,
      )}
      {v.attachments.length > 0 && (
        <LinkList items={v.attachments.map((a) => ({ label: a.name, url: a.url }))} />
      )}
      <FileLinks files={v.files} label={t('attachments.versionFiles', { n: v.version })} />
      {v.reviewComment && (
        <ReviewComment version={v} title={t('reports.versions.comment')} color={v.status === 'returned' ? 'orange' : 'green'} icon={<IconMessage aria-hidden />} />
      )}
    </Stack>
  );
}

/** Every version of the report, newest first; each stays readable after it is corrected. */
export function VersionList({ detail }: { detail: ObligationInstanceDetail }) {
  const { t } = useTranslation();
  const versions = [...detail.versions].reverse();
  if (versions.length === 0) return <Hint>{t('reports.versions.none')}</Hint>;
  return (
    // Keyed by the newest version: after a resubmission the new version opens, not the one open before.
    <Accordion key={versions[0]!.version} multiple variant="separated" defaultValue={[String(versions[0]!.version)]} aria-label={t('reports.versions.title')}>
      {versions.map((v) => (
        <Accordion.Item key={v.id} value={String(v.version)}>
          <Accordion.Control>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{t('reports.versions.n', { n: v.version })}</Text>
              <Badge variant="light" color={VERSION_COLORS[v.status]} tt="none" radius="sm">
                {t(`reports.versionStatus.${v.status}`)}
              </Badge>
              {v.enteredOnBehalf && (
                <Badge variant="outline" color="grape" tt="none" radius="sm">
                  {t('reports.versions.onBehalf')}
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {v.submittedAt
                  ? t('reports.versions.sentBy', { at: formatDateTime(v.submittedAt), name: v.submittedBy?.name ?? '' })
                  : t('reports.versions.savedAt', { at: formatDateTime(v.updatedAt) })}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <VersionBody v={v} form={detail.obligation.form} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
