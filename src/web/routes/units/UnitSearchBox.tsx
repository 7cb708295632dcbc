import { Anchor, CloseButton, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLabels } from '../../components/labels.ts';
import { formatNumber } from '../../components/format.ts';
import { unitHref } from '../../components/unit-queries.ts';
import { useUnitSearch } from '../../components/unit-search.ts';

/**
 * "Tìm đơn vị…": search without diacritics, results with their place in the tree; with `on`, the
 * tree as it stood that day (the names then), and the results open the units as they stood.
 */
export function UnitSearchBox({ on = null }: { on?: string | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 300);
  const term = debounced.trim();
  const search = useUnitSearch(term, on);
  const active = term.length >= 2 && text.trim().length >= 2;

  return (
    <Stack gap="xs" style={{ flex: '1 1 18rem' }}>
      <TextInput
        type="search"
        label={t('units.search')}
        placeholder={t('units.searchPlaceholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={
          search.isFetching && active ? (
            <Loader size="xs" aria-hidden />
          ) : text ? (
            <CloseButton aria-label={t('units.clearSearch')} onClick={() => setText('')} />
          ) : null
        }
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setText('');
        }}
      />
      {active && search.data && (
        <Paper withBorder p="xs" component="section" aria-label={t('units.searchResults')}>
          <Text size="sm" c="dimmed" px={6} pb={4} aria-live="polite">
            {search.data.total === 0 ? t('units.searchNothingFor', { q: term }) : t('units.searchFound', { count: search.data.total, n: formatNumber(search.data.total) })}
          </Text>
          {search.data.items.length > 0 && (
            <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
              {search.data.items.map((u) => (
                <li key={u.id}>
                  <Anchor component={Link} to={unitHref(u.id, on)} display="block" px={6} py={8} underline="never" style={{ borderRadius: 6 }}>
                    <Text fw={500} c="blue.8" component="span" display="block" style={{ overflowWrap: 'anywhere' }}>
                      {u.name}
                    </Text>
                    <Text size="xs" c="dimmed" component="span" display="block">
                      {[...u.path, labels.unitKind(u.kind)].join(' › ')}
                    </Text>
                  </Anchor>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}
