import { NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MeetingDetail } from '../../../shared/meetings.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { todayIso } from '../../components/format.ts';
import { errorMessage, notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useCreateMakeup, useUpdateMeeting } from './meeting-queries.ts';

/** Recording that a meeting took place: duration, materials, content covered, minutes (biên bản). */
export function RecordResultModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const [duration, setDuration] = useState<number | string>(meeting.durationMinutes ?? '');
  const [sentOn, setSentOn] = useState<string | null>(meeting.materialsSentOn);
  const [content, setContent] = useState(meeting.content ?? '');
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await update.mutateAsync({
        status: 'held',
        durationMinutes: duration === '' ? null : Number(duration),
        materialsSentOn: sentOn,
        content: content.trim() || null,
        minutes: minutes.trim() || null,
      });
      notifySuccess(t('meetings.result.saved'));
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <ResponsiveModal opened onClose={onClose} title={t('meetings.result.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={error} />
          <NumberInput label={t('meetings.result.duration')} min={1} max={1440} value={duration} onChange={setDuration} suffix={` ${t('meetings.result.minutesUnit')}`} />
          <DateField label={t('meetings.form.materialsSentOn')} value={sentOn} onChange={setSentOn} clearable maxDate={meeting.date} />
          <Textarea label={t('meetings.form.content')} autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} />
          <Textarea label={t('meetings.result.minutes')} autosize minRows={4} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
        </Stack>
        <FormActions submitLabel={t('meetings.result.submit')} loading={update.isPending} onCancel={onClose} />
      </form>
    </ResponsiveModal>
  );
}

/** A make-up session (học bù) for the members who missed a study session. */
export function MakeupModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMakeup(meeting.id);
  const [date, setDate] = useState<string | null>(todayIso() < meeting.date ? meeting.date : todayIso());
  const [place, setPlace] = useState(meeting.place ?? '');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!date) return setError(t('meetings.makeup.dateRequired'));
    try {
      const out = await create.mutateAsync({ date, place: place.trim() || null });
      notifySuccess(t('meetings.makeup.saved'));
      navigate(`/meetings/${out.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <ResponsiveModal opened onClose={onClose} title={t('meetings.makeup.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={error} />
          <DateField label={t('meetings.form.date')} required value={date} onChange={setDate} minDate={meeting.date} />
          <TextInput label={t('meetings.form.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
        </Stack>
        <FormActions submitLabel={t('meetings.makeup.submit')} loading={create.isPending} onCancel={onClose} />
      </form>
    </ResponsiveModal>
  );
}
