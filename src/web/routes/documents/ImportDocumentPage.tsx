import { Alert, Button, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { IssuingUnit } from '../../../shared/documents.ts';
import { DOCUMENT_LIMITS } from '../../../shared/documents.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { formatNumber } from '../../components/format.ts';
import { errorMessage } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useImportDocument, useIssuingUnits } from './document-queries.ts';
import classes from './documents.module.css';

const MB = 1024 * 1024;

/** Chooses the unit a document is imported for, among those the user may write for (ended units too). */
function IssuingUnitSelect({ value, onChange }: { value: string | null; onChange: (unit: IssuingUnit | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<IssuingUnit | null>(null);
  const [q] = useDebouncedValue(chosen && search === chosen.name ? '' : search, 250);
  const units = useIssuingUnits(q);
  const items = useMemo(() => {
    const found = units.data?.items ?? [];
    return chosen && !found.some((u) => u.id === chosen.id) ? [chosen, ...found] : found;
  }, [units.data, chosen]);
  const byId = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);
  return (
    <Select
      label={t('documents.importUnit')}
      description={t('documents.importUnitHint')}
      placeholder={t('documents.importUnitPlaceholder')}
      searchable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const u = id ? (byId.get(id) ?? null) : null;
        setChosen(u);
        onChange(u);
      }}
      data={items.map((u) => ({ value: u.id, label: u.name }))}
      filter={({ options }) => options}
      nothingFoundMessage={t('documents.noUnit')}
      renderOption={({ option }) => {
        const u = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">
              {option.label}
              {u?.validTo ? ` (${t('documents.unitEnded')})` : ''}
            </Text>
            {u && u.path.length > 0 && (
              <Text size="xs" c="dimmed">
                {u.path.join(' › ')}
              </Text>
            )}
          </Stack>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      maw={560}
    />
  );
}

/** "Nhập văn bản": choose the unit, drop or pick a .docx/.pdf/.doc/.txt file, watch it go up, then review what was read. */
export function ImportDocumentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const acting = useActingUnit();
  const defaults = useIssuingUnits('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const upload = useImportDocument(setProgress);
  const maxBytes = defaults.data?.maxUploadBytes ?? null;

  // The unit the user acts for when they may import for it, else their only unit.
  useEffect(() => {
    if (unitId || !defaults.data) return;
    const items = defaults.data.items;
    const pick = items.find((u) => u.id === acting.unitId) ?? (items.length === 1 ? items[0] : undefined);
    if (pick) setUnitId(pick.id);
  }, [defaults.data, acting.unitId, unitId]);

  const send = (file: File) => {
    setError(null);
    setFileName(file.name);
    const ext = file.name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
    if (!(DOCUMENT_LIMITS.accept as readonly string[]).includes(ext)) {
      setError(t('documents.wrongType'));
      return;
    }
    if (maxBytes !== null && file.size > maxBytes) {
      setError(t('documents.tooLarge', { max: formatNumber(Math.round((maxBytes / MB) * 10) / 10) }));
      return;
    }
    setProgress(0);
    upload.mutate(
      { file, unitId },
      {
        onSuccess: (out) => void navigate(`/documents/${out.documentId}/review`),
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !upload.isPending) send(file);
  };

  return (
    <>
      <PageHeader title={t('documents.importTitle')} subtitle={t('documents.importSubtitle')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <IssuingUnitSelect value={unitId} onChange={(u) => setUnitId(u?.id ?? null)} />
          <div
            className={`${classes.drop} ${dragging ? classes.dropActive : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Stack align="center" gap="xs">
              <IconFileUpload size={40} color="var(--mantine-color-gray-6)" aria-hidden />
              <Text fw={500}>{t('documents.dropHere')}</Text>
              <Text size="sm" c="dimmed">
                {t('documents.acceptHint', { max: maxBytes ? formatNumber(Math.round((maxBytes / MB) * 10) / 10) : '…' })}
              </Text>
              <input
                ref={input}
                type="file"
                hidden
                accept={[...DOCUMENT_LIMITS.accept, ...DOCUMENT_LIMITS.acceptMime].join(',')}
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (file) send(file);
                }}
              />
              <Button leftSection={<IconUpload size={18} aria-hidden />} onClick={() => input.current?.click()} loading={upload.isPending} size="md">
                {t('documents.chooseFile')}
              </Button>
            </Stack>
          </div>
          {upload.isPending && (
            <Stack gap={4} role="status" aria-live="polite">
              <Group justify="space-between">
                <Text size="sm">{progress < 1 ? t('documents.uploading', { name: fileName }) : t('documents.reading', { name: fileName })}</Text>
                <Text size="sm" c="dimmed">
                  {Math.round(progress * 100)}%
                </Text>
              </Group>
              <Progress value={progress * 100} animated={progress >= 1} aria-label={t('documents.uploadProgress')} />
            </Stack>
          )}
          {error && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('documents.importFailed', { name: fileName ?? '' })}>
              {error}
            </Alert>
          )}
        </Stack>
      </Paper>
    </>
  );
}
