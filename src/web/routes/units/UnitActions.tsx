import { Button, Menu } from '@mantine/core';
import { IconArrowMoveRight, IconArrowsJoin, IconArrowsSplit, IconChevronDown, IconCircleX, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../shared/units.ts';
import { CreateUnitModal } from './dialogs/CreateUnitModal.tsx';
import { DissolveUnitModal } from './dialogs/DissolveUnitModal.tsx';
import { MergeUnitsModal } from './dialogs/MergeUnitsModal.tsx';
import { MoveUnitModal } from './dialogs/MoveUnitModal.tsx';
import { RenameUnitModal } from './dialogs/RenameUnitModal.tsx';
import { SplitUnitModal } from './dialogs/SplitUnitModal.tsx';

type Dialog = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve';

/** What a unit manager can do to a unit: add a sub-unit, and restructure (each a dated dialog). */
export function UnitActions({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Dialog | null>(null);
  const close = () => setOpen(null);
  const isRoot = unit.parentId === null;

  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setOpen('create')}>
        {t('units.actions.create')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            {t('units.actions.restructure')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setOpen('rename')}>
            {t('units.actions.rename')}
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowMoveRight size={18} aria-hidden />} onClick={() => setOpen('move')} disabled={isRoot}>
            {t('units.actions.move')}
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowsJoin size={18} aria-hidden />} onClick={() => setOpen('merge')}>
            {t('units.actions.merge')}
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowsSplit size={18} aria-hidden />} onClick={() => setOpen('split')} disabled={isRoot}>
            {t('units.actions.split')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconCircleX size={18} aria-hidden />} onClick={() => setOpen('dissolve')} disabled={isRoot}>
            {t('units.actions.dissolve')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open === 'create' && <CreateUnitModal parent={unit} onClose={close} />}
      {open === 'rename' && <RenameUnitModal unit={unit} onClose={close} />}
      {open === 'move' && <MoveUnitModal unit={unit} onClose={close} />}
      {open === 'merge' && <MergeUnitsModal unit={unit} onClose={close} />}
      {open === 'split' && <SplitUnitModal unit={unit} onClose={close} />}
      {open === 'dissolve' && <DissolveUnitModal unit={unit} onClose={close} />}
    </>
  );
}
