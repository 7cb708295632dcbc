import { Group, Paper, Title } from '@mantine/core';
import type { MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** The title's id: the section is named by its title. */
  id: string;
  /** Beside the title: a button, a download. */
  action?: ReactNode;
  /** A smaller title, for the parts of a page that already has its own sections. */
  small?: boolean;
  /** The space under the title. */
  titleGap?: MantineSpacing | number;
  bg?: string;
  mb?: MantineSpacing;
  children: ReactNode;
}

/** One part of a page: a bordered panel with its title (and an action beside it), named for screen readers by the title. */
export function Section({ title, id, action, small, titleGap = 'sm', bg, mb, children }: Props) {
  const heading = (
    <Title order={2} fz={small ? 'h5' : 'h4'} id={id} mb={action ? undefined : titleGap}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id} bg={bg} mb={mb}>
      {action ? (
        <Group justify="space-between" gap="xs" mb={titleGap}>
          {heading}
          {action}
        </Group>
      ) : (
        heading
      )}
      {children}
    </Paper>
  );
}
