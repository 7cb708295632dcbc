import { ScrollArea, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { formatDate, todayIso } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { errorMessage } from '../../components/notify.ts';
import { useSignPledge } from './personal-plan-queries.ts';

interface Props {
  roundId: string;
  personId: string;
  pledgeText: string;
  /** The member signs in the app; otherwise the secretary records a paper pledge of `name`, with the day it was signed. */
  self?: boolean;
  name?: string;
  onClose: () => void;
}

/** Signing a pledge: the member in the app, or the secretary recording one signed on paper. */
export function PledgeSignModal({ roundId, personId, pledgeText, self, name, onClose }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [signedOn, setSignedOn] = useState<string | null>(todayIso());
  const sign = useSignPledge(roundId, { notice: (out) => t('personalPlans.pledge.signed', { date: formatDate(out.signedOn) }), onError: (e) => setError(errorMessage(e)) });
  function submit() {
    if (!self && !signedOn) return setError(t('personalPlans.pledge.dateRequired'));
    sign.mutate(self ? { personId } : { personId, signedOn: signedOn! }, { onSuccess: onClose });
  }
  return (
    <FormModal
      title={self ? t('personalPlans.pledge.sign') : t('personalPlans.pledge.record', { name })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      submitLabel={self ? t('personalPlans.pledge.signSubmit') : t('personalPlans.pledge.recordSubmit')}
      busy={sign.isPending}
    >
      {pledgeText && (
        <ScrollArea.Autosize mah={320} type="auto">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {pledgeText}
          </Text>
        </ScrollArea.Autosize>
      )}
      {!self && <DateField label={t('personalPlans.pledge.signedOnLabel')} required value={signedOn} onChange={setSignedOn} maxDate={todayIso()} />}
    </FormModal>
  );
}
