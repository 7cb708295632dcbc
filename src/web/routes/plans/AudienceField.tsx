import { MultiSelect, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIENCE_SCOPE_LABELS } from '#core/plans/audience.ts';
import type { AudienceScope } from '#core/plans/audience.ts';
import { useLabels } from '../../components/labels.ts';
import { UnitMultiSelect } from '../../components/UnitMultiSelect.tsx';
import { useLang } from '../../components/use-lang.ts';
import type { AudienceForm } from './plan-form.ts';

const SCOPES: AudienceScope[] = ['grassroots', 'children', 'units', 'self', 'kinds'];

/** Who must carry out an item: every grassroots organisation and cell below, the direct sub-units, chosen units… */
export function AudienceField({ value, onChange, error }: { value: AudienceForm; onChange: (a: AudienceForm) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const lang = useLang();
  return (
    <Stack gap="xs">
      <Select
        label={t('plans.audience.label')}
        data={SCOPES.map((s) => ({ value: s, label: AUDIENCE_SCOPE_LABELS[s][lang] }))}
        value={value.scope}
        allowDeselect={false}
        onChange={(v) => v && onChange({ ...value, scope: v as AudienceScope })}
        comboboxProps={{ withinPortal: true }}
      />
      {value.scope === 'units' && (
        <UnitMultiSelect label={t('plans.audience.units')} value={value.units} onChange={(units) => onChange({ ...value, units })} error={error} />
      )}
      {value.scope === 'kinds' && (
        <MultiSelect
          label={t('plans.audience.kinds')}
          data={labels.unitKindOptions()}
          value={value.kinds}
          onChange={(kinds) => onChange({ ...value, kinds })}
          error={error}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Stack>
  );
}
