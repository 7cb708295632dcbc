import { Stack, Text } from '@mantine/core';
import type { ComboboxItem } from '@mantine/core';

/** Where an option stands (the names above it, top first) and an optional word after its name. */
export interface OptionPlace {
  path: readonly string[];
  note?: string | null;
}

/**
 * Renders a picker's options as their label with, dimmed below, where each stands in the tree:
 * two units of one name are told apart by their place.
 */
export function renderWithPath(placeOf: (id: string) => OptionPlace | undefined) {
  return ({ option }: { option: ComboboxItem }) => {
    const place = placeOf(option.value);
    return (
      <Stack gap={0}>
        <Text size="sm">
          {option.label}
          {place?.note ? ` (${place.note})` : ''}
        </Text>
        {place && place.path.length > 0 && (
          <Text size="xs" c="dimmed">
            {place.path.join(' › ')}
          </Text>
        )}
      </Stack>
    );
  };
}
