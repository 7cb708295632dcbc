import { ActionIcon } from '@mantine/core';
import type { ActionIconProps } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** The bin beside a row that takes it out of a list; `label` names the row for screen readers ("Xóa nhiệm vụ 3"). */
export function RemoveButton({ label, onClick, ...props }: { label: string; onClick: () => void } & Omit<ActionIconProps, 'children'> & { className?: string }) {
  return (
    <ActionIcon variant="subtle" color="red" size="lg" onClick={onClick} aria-label={label} {...props}>
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}
