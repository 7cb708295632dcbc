import { Badge, Button, Group, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitRef } from '../../components/unit-queries.ts';

interface Props {
  /** The names as the document writes them. */
  asWritten: string[];
  /** The units shown were proposed from those names and are not yet confirmed. */
  proposed: boolean;
  /** No unit is chosen. */
  empty: boolean;
  /** Units the names may stand for, offered when none is chosen. */
  suggestions: UnitRef[];
  onConfirm: () => void;
  onPick: (unit: UnitRef) => void;
}

/**
 * Under a unit picker of a plan drafted from a document: the marker of a proposed unit to check
 * ("Đề xuất từ văn bản — kiểm tra lại") with its confirmation, or the document's wording with
 * units it may stand for to pick.
 */
export function NameNote({ asWritten, proposed, empty, suggestions, onConfirm, onPick }: Props) {
  const { t } = useTranslation();
  const written = asWritten.join('; ');
  if (proposed) {
    return (
      <Group gap={6} wrap="wrap">
        <Badge color="yellow" variant="light" tt="none">
          {t('plans.editor.proposed')}
        </Badge>
        {written && (
          <Text size="xs" c="dimmed">
            {t('plans.task.asWritten', { text: written })}
          </Text>
        )}
        <Button size="compact-xs" variant="light" leftSection={<IconCheck size={14} aria-hidden />} onClick={onConfirm}>
          {t('plans.editor.confirmProposal')}
        </Button>
      </Group>
    );
  }
  if (!empty || !written) return null;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed">
        {t('plans.task.asWritten', { text: written })}
      </Text>
      {suggestions.length > 0 && (
        <>
          <Text size="xs" c="dimmed">
            {t('plans.editor.suggestions')}
          </Text>
          {suggestions.map((u) => (
            <Button key={u.id} size="compact-xs" variant="default" aria-label={t('plans.editor.pickSuggestion', { unit: u.name })} onClick={() => onPick(u)}>
              {u.name}
            </Button>
          ))}
        </>
      )}
    </Group>
  );
}
