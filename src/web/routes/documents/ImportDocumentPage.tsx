import { Alert, Box, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DOCUMENT_LIMITS } from '#shared/documents.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { formatNumber } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { errorMessage } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { UnitRef } from '../../components/unit-queries.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { ISSUING_UNITS, useImportDocument, useIssuingUnits } from './document-queries.ts';
import classes from './documents.module.css';

const MB = 1024 * 1024;

/** "Nhập văn bản": choose the unit, drop or pick a .docx/.pdf/.doc/.txt file, watch it go up, then review what was read. */
export function ImportDocumentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const acting = useActingUnit();
  const defaults = useIssuingUnits('');
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [progress, setProgress] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const upload = useImportDocument(setProgress);
  const maxBytes = defaults.data?.maxUploadBytes ?? null;

  // The unit the user acts for when they may import for it, else their only unit.
  useEffect(() => {
    if (unit || !defaults.data) return;
    const items = defaults.data.items;
    const pick = items.find((u) => u.id === acting.unitId) ?? (items.length === 1 ? items[0] : undefined);
    if (pick) setUnit({ id: pick.id, name: pick.name });
  }, [defaults.data, acting.unitId, unit]);

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
      { file, unitId: unit?.id ?? null },
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
          <Box maw={560}>
            <UnitSelect
              label={t('documents.importUnit')}
              description={t('documents.importUnitHint')}
              placeholder={t('documents.importUnitPlaceholder')}
              value={unit}
              onChange={setUnit}
              source={ISSUING_UNITS}
              nothingFound={t('documents.noUnit')}
              clearable={false}
              noteOf={(u) => (u.validTo ? t('documents.unitEnded') : null)}
            />
          </Box>
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
              <Hint>{t('documents.acceptHint', { max: maxBytes ? formatNumber(Math.round((maxBytes / MB) * 10) / 10) : '…' })}</Hint>
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
                <Hint>{Math.round(progress * 100)}%</Hint>
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
