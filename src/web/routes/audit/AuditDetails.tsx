import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Text size="xs" c="dimmed">—</Text>;
  return (
    <Code block style={{ maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** The recorded values before and after a change. */
export function AuditDetails({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {[
        { label: t('audit.before'), value: before },
        { label: t('audit.after'), value: after },
      ].map((side) => (
        <Stack key={side.label} gap={4}>
          <Text size="xs" fw={600} c="dimmed">
            {side.label}
          </Text>
          <Json value={side.value} />
        </Stack>
      ))}
    </SimpleGrid>
  );
}
