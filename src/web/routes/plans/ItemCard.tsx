import { ActionIcon, Group, Paper, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RemoveButton } from '../../components/RemoveButton.tsx';

interface Props {
  /** "Nhiệm vụ 3" */
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One task or report in the editor: a group named `name`, its title with the move and delete buttons, then its fields. */
export function ItemCard({ name, children, ...header }: Props & { children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} role="group" aria-label={name}>
      <ItemHeader name={name} {...header} />
      {children}
    </Paper>
  );
}

/** The title of a task or report in the editor, with its move and delete buttons. */
function ItemHeader({ name, index, count, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" mb="xs">
      <Title order={3} fz="h5">
        {name}
      </Title>
      <Group gap={4} wrap="nowrap">
        <ActionIcon variant="subtle" color="gray" size="lg" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('plans.editor.moveUp', { name })}>
          <IconArrowUp size={18} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
          aria-label={t('plans.editor.moveDown', { name })}
        >
          <IconArrowDown size={18} aria-hidden />
        </ActionIcon>
        <RemoveButton label={t('plans.editor.remove', { name })} onClick={onRemove} />
      </Group>
    </Group>
  );
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}
