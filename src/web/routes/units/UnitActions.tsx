import { Button, Menu } from '@mantine/core';
import { IconArrowMoveRight, IconArrowsJoin, IconArrowsSplit, IconChevronDown, IconCircleX, IconFileExport, IconFileImport, IconPencil, IconPlus } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '#shared/units.ts';
import { apiUrl } from '../../api-client.ts';
import { useActionDialog } from '../../components/use-action-param.ts';
import { CreateUnitModal } from './dialogs/CreateUnitModal.tsx';
import { DissolveUnitModal } from './dialogs/DissolveUnitModal.tsx';
import { MergeUnitsModal } from './dialogs/MergeUnitsModal.tsx';
import { MoveUnitModal } from './dialogs/MoveUnitModal.tsx';
import { RenameUnitModal } from './dialogs/RenameUnitModal.tsx';
import { SplitUnitModal } from './dialogs/SplitUnitModal.tsx';
import { TreeImportModal } from './TreeImportModal.tsx';

type Dialog = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve' | 'import';

/** The restructuring menu; a root unit can only be renamed or take others in. */
const RESTRUCTURE = [
  { dialog: 'rename', icon: IconPencil, notForRoot: false },
  { dialog: 'move', icon: IconArrowMoveRight, notForRoot: true },
  { dialog: 'merge', icon: IconArrowsJoin, notForRoot: false },
  { dialog: 'split', icon: IconArrowsSplit, notForRoot: true },
  { dialog: 'dissolve', icon: IconCircleX, notForRoot: true },
] as const;

/** What a unit manager can do to a unit: add a sub-unit, restructure (each a dated dialog), import or export its tree as a list. */
export function UnitActions({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useActionDialog<Dialog>('import-tree', 'import');
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
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            {t('treeImport.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setOpen('import')}>
            {t('treeImport.action')}
          </Menu.Item>
          <Menu.Item component="a" href={apiUrl(`/api/units/${unit.id}/tree.xlsx`)} download leftSection={<IconFileExport size={18} aria-hidden />}>
            {t('treeImport.export')}
          </Menu.Item>
          <Menu.Item component="a" href={apiUrl(`/api/units/${unit.id}/tree.csv`)} download leftSection={<IconFileExport size={18} aria-hidden />}>
            {t('treeImport.exportCsv')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open === 'import' && <TreeImportModal unitId={unit.id} unitName={unit.name} onClose={close} />}
      {open === 'create' && <CreateUnitModal parent={unit} onClose={close} />}
      {open === 'rename' && <RenameUnitModal unit={unit} onClose={close} />}
      {open === 'move' && <MoveUnitModal unit={unit} onClose={close} />}
      {open === 'merge' && <MergeUnitsModal unit={unit} onClose={close} />}
      {open === 'split' && <SplitUnitModal unit={unit} onClose={close} />}
      {open === 'dissolve' && <DissolveUnitModal unit={unit} onClose={close} />}
    </>
  );
}
