import { Button, Menu } from '@mantine/core';
import { IconArrowMoveRight, IconArrowsJoin, IconArrowsSplit, IconChevronDown, IconCircleX, IconPencil, IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '#shared/units.ts';
import { CreateUnitModal } from './dialogs/CreateUnitModal.tsx';
import { DissolveUnitModal } from './dialogs/DissolveUnitModal.tsx';
import { MergeUnitsModal } from './dialogs/MergeUnitsModal.tsx';
import { MoveUnitModal } from './dialogs/MoveUnitModal.tsx';
import { RenameUnitModal } from './dialogs/RenameUnitModal.tsx';
import { SplitUnitModal } from './dialogs/SplitUnitModal.tsx';

type Dialog = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve';

/** The restructuring menu; a root unit can only be renamed or take others in. */
const RESTRUCTURE = [
  { dialog: 'rename', icon: IconPencil, notForRoot: false },
  { dialog: 'move', icon: IconArrowMoveRight, notForRoot: true },
  { dialog: 'merge', icon: IconArrowsJoin, notForRoot: false },
  { dialog: 'split', icon: IconArrowsSplit, notForRoot: true },
  { dialog: 'dissolve', icon: IconCircleX, notForRoot: true },
] as const;

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
          {RESTRUCTURE.map((x) => (
            <Fragment key={x.dialog}>
              {x.dialog === 'dissolve' && <Menu.Divider />}
              <Menu.Item color={x.dialog === 'dissolve' ? 'red' : undefined} leftSection={<x.icon size={18} aria-hidden />} onClick={() => setOpen(x.dialog)} disabled={x.notForRoot && isRoot}>
                {t(`units.actions.${x.dialog}`)}
              </Menu.Item>
            </Fragment>
          ))}
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
