import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useDeletePlan } from './plan-queries.ts';

/** "Xóa dự thảo": one more question, then the draft is gone from every list and the page goes back to the plans. */
export function DeleteDraftModal({ plan, onClose }: { plan: { id: string; number: string | null; title: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeletePlan();
  const confirm = () =>
    remove.mutate(plan.id, {
      onSuccess: () => {
        notifySuccess(t('plans.delete.done'));
        void navigate('/plans', { replace: true });
      },
      onError: (e) => notifyError(e),
    });
  return (
    <ResponsiveModal opened onClose={onClose} title={t('plans.delete.title')}>
      <ConfirmStep confirmLabel={t('plans.delete.confirm')} loading={remove.isPending} onConfirm={confirm} onBack={onClose}>
        {t('plans.delete.warning', { plan: [plan.number, plan.title].filter(Boolean).join(' — ') })}
      </ConfirmStep>
    </ResponsiveModal>
  );
}
