import { Select } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setActingUnitId, useActingUnit } from './acting-unit.ts';
import { useLabels } from './labels.ts';

/** The unit the user acts for, chosen among their grants and remembered. */
export function ActingUnitSelect({ onChosen, showLabel }: { onChosen?: () => void; showLabel?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { unitId, options } = useActingUnit();
  if (options.length === 0) return null;
  return (
    <Select
      label={showLabel ? t('shell.actingUnit') : undefined}
      aria-label={showLabel ? undefined : t('shell.actingUnit')}
      value={unitId}
      allowDeselect={false}
      onChange={(id) => {
        if (id) {
          setActingUnitId(id);
          onChosen?.();
        }
      }}
      data={options.map((o) => ({ value: o.unitId, label: o.role ? `${o.unitName} — ${labels.role(o.role)}` : o.unitName }))}
      leftSection={<IconBuildingCommunity size={18} aria-hidden />}
      comboboxProps={{ width: 'target', withinPortal: true }}
      w="100%"
      maw={showLabel ? undefined : 420}
    />
  );
}
