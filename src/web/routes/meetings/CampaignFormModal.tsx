import { Alert, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { errorMessage, notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { monthsBetween, readDocumentLines } from './campaign-form.ts';
import { useCreateCampaign } from './meeting-queries.ts';

/** Defining a campaign: its months and, month by month, the documents (one per line) and topics. */
export function CampaignFormModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [docs, setDocs] = useState<Record<string, string>>({});
  const [topics, setTopics] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const months = from && to && from <= to ? monthsBetween(from, to) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!title.trim() || months.length === 0) return setError(t('meetings.campaigns.formIncomplete'));
    const input = [];
    for (const m of months) {
      const { documents, unread } = readDocumentLines(docs[m] ?? '');
      if (unread.length > 0) return setError(t('meetings.campaigns.unread', { month: `${m.slice(5)}/${m.slice(0, 4)}`, line: unread[0] }));
      input.push({ month: m, topics: (topics[m] ?? '').split('\n').map((x) => x.trim()).filter(Boolean), documents });
    }
    try {
      const out = await create.mutateAsync({ unitId, title: title.trim(), months: input });
      notifySuccess(t('meetings.campaigns.saved'));
      navigate(`/meetings/campaigns/${out.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('meetings.campaigns.create')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={error} />
          <TextInput label={t('meetings.campaigns.titleField')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput type="month" label={t('meetings.campaigns.from')} required value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="month" label={t('meetings.campaigns.to')} required value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          {months.length > 0 && <Alert variant="light">{t('meetings.campaigns.docsHint')}</Alert>}
          {months.map((m) => (
            <Stack key={m} gap={4}>
              <Text fw={600}>{t('meetings.campaigns.month', { month: `${Number(m.slice(5))}/${m.slice(0, 4)}` })}</Text>
              <Textarea label={t('meetings.campaigns.documents')} autosize minRows={2} value={docs[m] ?? ''} onChange={(e) => setDocs({ ...docs, [m]: e.currentTarget.value })} />
              <Textarea label={t('meetings.campaigns.topics')} autosize minRows={1} value={topics[m] ?? ''} onChange={(e) => setTopics({ ...topics, [m]: e.currentTarget.value })} />
            </Stack>
          ))}
        </Stack>
        <FormActions submitLabel={t('meetings.campaigns.submit')} loading={create.isPending} onCancel={onClose} />
      </form>
    </ResponsiveModal>
  );
}
