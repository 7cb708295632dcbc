import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Due, DueType, Every } from '#core/deadline/types.ts';
import type { IsoDate } from '#core/ids.ts';
import { DueEditor } from './DueEditor.tsx';
import { RemoveButton } from './RemoveButton.tsx';

interface Props {
  dues: readonly Due[];
  onChange: (dues: Due[]) => void;
  /** The deadline a click on `addLabel` appends. */
  newDue: () => Due;
  addLabel: string;
  /** Names the i-th deadline's type field (undefined: the editor's own label). */
  typeLabel: (i: number) => string | undefined;
  /** Names the i-th deadline for the remove button ("Xóa thời hạn 2"). */
  removeLabel: (i: number) => string;
  types?: readonly DueType[];
  recurrences?: readonly Every[];
  near?: IsoDate | undefined;
}

/**
 * The deadlines of one report obligation ("trước ngày 30/5/2022 và ngày 30/11/2022"): one editor
 * each, a bin beside each, a button that adds one. Used by the review of an imported document and
 * by the plan editor.
 */
export function DueListEditor({ dues, onChange, newDue, addLabel, typeLabel, removeLabel, types, recurrences, near }: Props) {
  return (
    <Stack gap="xs">
      {dues.map((d, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            <DueEditor
              types={types}
              recurrences={recurrences}
              near={near}
              value={d}
              typeLabel={typeLabel(i)}
              onChange={(nd) => onChange(dues.map((x, j) => (j === i ? nd : x)))}
            />
          </div>
          <RemoveButton mt={26} label={removeLabel(i)} onClick={() => onChange(dues.filter((_, j) => j !== i))} />
        </Group>
      ))}
      <Group>
        <Button variant="light" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...dues, newDue()])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
