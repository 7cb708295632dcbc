import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TopUnitCreate } from '#shared/setup.ts';
import { TopUnitCreateSchema } from '#shared/setup.ts';
import { api } from '../../api-client.ts';
import { TypedDateInput } from '../../components/TypedDateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useLabels } from '../../components/labels.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { unitKeys } from '../../components/unit-queries.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import { NameFields } from '../../components/UnitNameFields.tsx';
import { SETUP_KEY } from './setup-queries.ts';

/** The first step of setting up: the unit at the top of the tree (a Đảng ủy Khối, a Tỉnh ủy). */
export function CreateTopUnitModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormState({ kind: 'bloc_committee', name: '', shortName: '', termLabel: '', code: '', validFrom: null as string | null });
  const create = useMutationWithNotice({
    mutationFn: (input: TopUnitCreate) => api.post<{ id: string }>('/api/top-units', input),
    notice: (_, input) => t('units.created', { name: input.name }),
    onError: form.showServerError,
    invalidates: [unitKeys.all, SETUP_KEY],
    alsoNotify: true,
  });
  const v = form.values;

  function submit() {
    const input = form.validate(TopUnitCreateSchema, {
      kind: v.kind,
      name: v.name,
      shortName: v.shortName.trim() || null,
      code: v.code.trim() || null,
      validFrom: v.validFrom ?? '',
      ...(v.termLabel.trim() ? { term: { label: v.termLabel.trim() } } : {}),
    });
    if (input) create.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('setup.top.create')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('setup.top.createSubmit')} busy={create.isPending} gap="md">
      <Select
        label={t('units.kind')}
        data={labels.unitKindOptions()}
        value={v.kind}
        onChange={(k) => k && form.set('kind', k)}
        allowDeselect={false}
        error={form.errors.kind}
        required
        comboboxProps={{ withinPortal: true }}
      />
      <NameFields nameLabel={t('units.name')} values={v} errors={form.errors} set={form.set} />
      <TextInput label={t('setup.top.code')} description={t('setup.top.codeHint')} value={v.code} onChange={(e) => form.set('code', e.currentTarget.value)} error={form.errors.code} />
      <TypedDateInput label={t('setup.top.validFrom')} value={v.validFrom} onChange={(d) => form.set('validFrom', d)} error={form.errors.validFrom} />
    </FormModal>
  );
}
