import { Alert, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormModal } from '../../components/FormModal.tsx';
import { errorMessage } from '../../components/notify.ts';
import { monthsBetween, readDocumentLines } from './campaign-form.ts';
import { useCreateCampaign } from './meeting-queries.ts';

/** Defining a campaign: its months and, month by month, the documents (one per line) and topics. */
export function CampaignFormModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [docs, setDocs] = useState<Record<string, string>>({});
  const [topics, setTopics] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const create = useCreateCampaign({ notice: () => t('meetings.campaigns.saved'), onError: (e) => setError(errorMessage(e)) });
  const months = from && to && from <= to ? monthsBetween(from, to) : [];

  function submit() {
    setError(null);
    if (!title.trim() || months.length === 0) return setError(t('meetings.campaigns.formIncomplete'));
    const input = [];
    for (const m of months) {
      const { documents, unread } = readDocumentLines(docs[m] ?? '');
      if (unread.length > 0) return setError(t('meetings.campaigns.unread', { month: `${m.slice(5)}/${m.slice(0, 4)}`, line: unread[0] }));
      input.push({ month: m, topics: (topics[m] ?? '').split('\n').map((x) => x.trim()).filter(Boolean), documents });
    }
    create.mutate({ unitId, title: title.trim(), months: input }, { onSuccess: (out) => navigate(`/meetings/campaigns/${out.id}`) });
  }

  return (
    <FormModal title={t('meetings.campaigns.create')} onClose={onClose} onSubmit={submit} error={error} submitLabel={t('meetings.campaigns.submit')} busy={create.isPending}>
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
    </FormModal>
  );
}
