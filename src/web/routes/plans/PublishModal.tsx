import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatNumber } from '../../components/format.ts';
import { FormError } from '../../components/FormError.tsx';
import { errorMessage } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { usePublishPlan } from './plan-queries.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Saves pending changes first; gives the plan's id, or null when the draft is not valid. */
  prepare: () => Promise<string | null>;
  title: string;
  tasks: number;
  reports: number;
}

/**
 * "Công bố": says what publishing does and asks once more, shows progress while the work is given
 * to every unit (one transaction on the server), then opens the plan, which says how many task and
 * report instances were created.
 */
export function PublishModal({ opened, onClose, prepare, title, tasks, reports }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishPlan();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setError(null);
    setBusy(true);
    try {
      const id = await prepare();
      if (!id) {
        setBusy(false);
        onClose();
        return;
      }
      const out = await publish.mutateAsync(id);
      setBusy(false);
      onClose();
      navigate(`/plans/${id}`, { state: { publishedInstances: out.instances } });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };

  return (
    <ResponsiveModal opened={opened} onClose={close} title={t('plans.publish.title')} closeOnClickOutside={!busy} withCloseButton={!busy}>
      {busy ? (
        <Stack gap="sm" role="status" aria-live="polite">
          <Text>{t('plans.publish.working')}</Text>
          <Progress value={100} striped animated aria-label={t('plans.publish.progress')} />
        </Stack>
      ) : (
        <Stack>
          <Text fw={600}>{title || t('plans.untitled')}</Text>
          <Text size="sm">{t('plans.publish.what', { tasks: formatNumber(tasks), reports: formatNumber(reports) })}</Text>
          <Text size="sm">{t('plans.publish.final')}</Text>
          <FormError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.back')}
            </Button>
            <Button color="red" leftSection={<IconSend size={18} aria-hidden />} onClick={() => void run()} data-autofocus>
              {t('plans.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </ResponsiveModal>
  );
}
