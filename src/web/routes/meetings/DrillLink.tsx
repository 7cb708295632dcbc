import { Anchor } from '@mantine/core';

/** A unit's name in a roll-up: opens the same figures one level down. */
export function DrillLink({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <Anchor component="button" type="button" onClick={onClick} ta="left">
      {name}
    </Anchor>
  );
}
