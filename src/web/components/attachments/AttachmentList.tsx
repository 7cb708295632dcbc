import { Anchor, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentFile, AttachmentList as Files } from '#shared/attachments.ts';
import { ConfirmStep } from '../ConfirmStep.tsx';
import { FormError } from '../FormError.tsx';
import { formatDateTime } from '../format.ts';
import { Hint } from '../Hint.tsx';
import { errorMessage, notifySuccess } from '../notify.ts';
import { RemoveButton } from '../RemoveButton.tsx';
import type { FileOwner } from './attachment-queries.ts';
import { fileSize } from './file-size.ts';
import { fileUrl, useRemoveFile, useUploadFile } from './attachment-queries.ts';

/** Files as download links, each with its size: a version's files, read only. */
export function FileLinks({ files, label }: { files: readonly AttachmentFile[]; label: string }) {
  if (files.length === 0) return null;
  return (
    <Stack gap={4} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {files.map((f) => (
        <li key={f.id}>
          <FileLink file={f} />
        </li>
      ))}
    </Stack>
  );
}

function FileLink({ file }: { file: AttachmentFile }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconDownload size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
      <div style={{ minWidth: 0 }}>
        <Anchor href={fileUrl(file.id)} download={file.name} size="sm" style={{ overflowWrap: 'anywhere' }} aria-label={t('attachments.download', { name: file.name })}>
          {file.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {[fileSize(file.size), file.uploadedBy?.name, formatDateTime(file.uploadedAt)].filter(Boolean).join(' · ')}
        </Text>
      </div>
    </Group>
  );
}

/**
 * The files of a report being drafted or of a task: download links, and for whoever may change
 * them, a large "attach a file" button (a phone opens its camera or files), the upload's progress,
 * the limits said beforehand, a refusal in words, and removal asked once more.
 */
export function AttachmentList({ files, owner }: { files: Files; owner: FileOwner }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AttachmentFile | null>(null);
  const upload = useUploadFile(owner, setProgress);
  const remove = useRemoveFile(owner);
  const { maxBytes, maxCount, extensions } = files.limits;
  const full = files.items.length >= maxCount;

  function send(file: File | null) {
    setError(null);
    if (!file) return;
    const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
    if (!extensions.includes(ext)) return setError(t('attachments.typeRefused', { types: extensions.join(', ') }));
    if (file.size > maxBytes) return setError(t('attachments.tooBig', { size: fileSize(maxBytes) }));
    setProgress(0);
    upload.mutate(file, {
      onSuccess: (out) => notifySuccess(t('attachments.uploaded', { name: out.name })),
      onError: (e) => setError(errorMessage(e)),
    });
  }

  return (
    <Stack gap="xs">
      {files.items.length === 0 ? (
        <Hint>{t('attachments.none')}</Hint>
      ) : (
        <Stack gap={6} component="ul" aria-label={t('attachments.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {files.items.map((f) => (
            <li key={f.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <FileLink file={f} />
                {files.can.change && (
                  <RemoveButton label={t('attachments.remove', { name: f.name })} onClick={() => setConfirming(f)} disabled={remove.isPending} />
                )}
              </Group>
              {confirming?.id === f.id && (
                <ConfirmStep
                  confirmLabel={t('attachments.removeConfirm')}
                  loading={remove.isPending}
                  onBack={() => setConfirming(null)}
                  onConfirm={() =>
                    remove.mutate(f.id, {
                      onSuccess: () => {
                        setConfirming(null);
                        notifySuccess(t('attachments.removed', { name: f.name }));
                      },
                      onError: (e) => {
                        setConfirming(null);
                        setError(errorMessage(e));
                      },
                    })
                  }
                >
                  {'report' in owner ? t('attachments.removeReportBody', { name: f.name }) : t('attachments.removeTaskBody', { name: f.name })}
                </ConfirmStep>
              )}
            </li>
          ))}
        </Stack>
      )}
      {files.can.change && (
        <>
          <Group gap="sm" wrap="wrap">
            <FileButton onChange={send} accept={extensions.map((x) => `.${x}`).join(',')} disabled={full || upload.isPending}>
              {(props) => (
                <Button {...props} variant="light" size="md" leftSection={<IconPaperclip size={18} aria-hidden />} loading={upload.isPending} disabled={full}>
                  {t('attachments.add')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Hint>
            {full
              ? t('attachments.full', { n: maxCount })
              : t('attachments.limits', { types: extensions.filter((x) => x !== 'jpeg').join(', '), size: fileSize(maxBytes), n: maxCount, left: maxCount - files.items.length })}
          </Hint>
          {upload.isPending && (
            <Progress value={progress * 100} animated={progress >= 1} aria-label={t('attachments.progress')} />
          )}
          <FormError message={error} />
        </>
      )}
    </Stack>
  );
}
