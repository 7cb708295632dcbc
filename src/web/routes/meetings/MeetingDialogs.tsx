import { NumberInput, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MeetingDetail } from '#shared/meetings.ts';
import { DateField } from '../../components/DateField.tsx';
import { todayIso } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { errorMessage } from '../../components/notify.ts';
import { useCreateMakeup, useUpdateMeeting } from './meeting-queries.ts';

/** Recording that a meeting took place: duration, materials, content covered, minutes (biên bản). */
export function RecordResultModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateMeeting(meeting.id, { notice: () => t('meetings.result.saved'), onError: (e) => setError(errorMessage(e)) });
  const [duration, setDuration] = useState<number | string>(meeting.durationMinutes ?? '');
  const [sentOn, setSentOn] = useState<string | null>(meeting.materialsSentOn);
  const [content, setContent] = useState(meeting.content ?? '');
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const record = {
    status: 'held',
    durationMinutes: duration === '' ? null : Number(duration),
    materialsSentOn: sentOn,
    content: content.trim() || null,
    minutes: minutes.trim() || null,
  };
  return (
    <FormModal title={t('meetings.result.title')} onClose={onClose} onSubmit={() => update.mutate(record, { onSuccess: onClose })} error={error} submitLabel={t('meetings.result.submit')} busy={update.isPending}>
      <NumberInput label={t('meetings.result.duration')} min={1} max={1440} value={duration} onChange={setDuration} suffix={` ${t('meetings.result.minutesUnit')}`} />
      <DateField label={t('meetings.form.materialsSentOn')} value={sentOn} onChange={setSentOn} clearable maxDate={meeting.date} />
      <Textarea label={t('meetings.form.content')} autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} />
      <Textarea label={t('meetings.result.minutes')} autosize minRows={4} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
    </FormModal>
  );
}

/** A make-up session (học bù) for the members who missed a study session. */
export function MakeupModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateMakeup(meeting.id, { notice: () => t('meetings.makeup.saved'), onError: (e) => setError(errorMessage(e)) });
  const [date, setDate] = useState<string | null>(todayIso() < meeting.date ? meeting.date : todayIso());
  const [place, setPlace] = useState(meeting.place ?? '');
  function submit() {
    if (!date) return setError(t('meetings.makeup.dateRequired'));
    create.mutate({ date, place: place.trim() || null }, { onSuccess: (out) => navigate(`/meetings/${out.id}`) });
  }
  return (
    <FormModal title={t('meetings.makeup.title')} onClose={onClose} onSubmit={submit} error={error} submitLabel={t('meetings.makeup.submit')} busy={create.isPending}>
      <DateField label={t('meetings.form.date')} required value={date} onChange={setDate} minDate={meeting.date} />
      <TextInput label={t('meetings.form.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
    </FormModal>
  );
}
