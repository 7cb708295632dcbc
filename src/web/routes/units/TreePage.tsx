import { Alert, Box, Button, Group, Paper, Stack } from '@mantine/core';
import { IconClockHour4, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isIsoDate } from '#core/ids.ts';
import { DateField } from '../../components/DateField.tsx';
import { todayIso } from '../../components/format.ts';
import { formatViDate } from '#core/text/dates.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMe } from '../../components/use-me.ts';
import { TreeImportModal } from './TreeImportModal.tsx';
import { UnitSearchBox } from './UnitSearchBox.tsx';
import { UnitTree } from './UnitTree.tsx';

/** The organisation tree: search, a date to see the tree as it stood (?on=YYYY-MM-DD), and the tree itself. */
export function TreePage() {
  const { t } = useTranslation();
  // The date is part of the address, so a view of the past tree can be bookmarked or sent.
  const [params, setParams] = useSearchParams();
  const raw = params.get('on');
  const on = raw && isIsoDate(raw) ? raw : null;
  const setOn = (d: string | null) => setParams(d ? { on: d } : {}, { replace: true });
  // A system administrator imports a tree with its top units; others import under a unit (its page).
  const me = useMe();
  const [importing, setImporting] = useState(false);
  const importAction = me.data?.superuser ? (
    <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setImporting(true)}>
      {t('treeImport.actionAll')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title={t('units.treeTitle')} actions={importAction} />
      {importing && <TreeImportModal unitId={null} unitName={null} onClose={() => setImporting(false)} />}
      <Stack gap="md">
        <Group align="flex-start" gap="md" wrap="wrap">
          <UnitSearchBox on={on} />
          <Box w={{ base: '100%', sm: '17rem' }}>
            <DateField label={t('units.treeOn')} value={on} onChange={setOn} clearable maxDate={todayIso()} placeholder={t('units.today')} />
          </Box>
        </Group>
        {on && (
          <Alert color="yellow" icon={<IconClockHour4 aria-hidden />} p="sm">
            <Group justify="space-between" gap="xs">
              <span>{t('units.viewingOn', { date: formatViDate(on) })}</span>
              <Button size="xs" variant="white" onClick={() => setOn(null)}>
                {t('units.backToToday')}
              </Button>
            </Group>
          </Alert>
        )}
        <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
          <UnitTree on={on} />
        </Paper>
      </Stack>
    </>
  );
}
