import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Notification, NotificationList } from '#shared/notifications.ts';
import { api } from '../api-client.ts';

import { notifyError } from './notify.ts';
import { formatDateTime } from './format.ts';

const KEY = ['notifications'] as const;

/**
 * The bell in the top bar: how many notifications are unread (checked every minute), the latest
 * ones in a list, a click on one marks it read and opens what it is about.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const count = useQuery({
    queryKey: [...KEY, 'count'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications/count'),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  const list = useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: () => api.get<NotificationList>('/api/notifications', { limit: 15 }),
    enabled: opened,
    staleTime: 0,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: KEY });
  const read = useMutation({ mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh, onError: notifyError });
  const readAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all'), onSuccess: refresh, onError: notifyError });
  const unread = count.data?.unread ?? 0;

  function open(n: Notification) {
    if (!n.readAt) read.mutate(n.id);
    setOpened(false);
    if (n.link) navigate(n.link);
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
      trapFocus
      styles={{ dropdown: { maxWidth: 'calc(100vw - 16px)' } }}
    >
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" offset={6} disabled={unread === 0}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="xl"
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell')}
            aria-expanded={opened}
          >
            <IconBell size={22} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={t('notifications.title')} role="dialog">
        <Group justify="space-between" px="sm" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button variant="subtle" size="compact-sm" disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('notifications.readAll')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          {list.isPending ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('common.loading')}
            </Text>
          ) : list.isError ? (
            <Text size="sm" c="red" p="sm" role="alert">
              {t('common.loadFailed')}
            </Text>
          ) : list.data.items.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('notifications.title')}>
              {list.data.items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton
                    onClick={() => open(n)}
                    w="100%"
                    px="sm"
                    py="xs"
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', background: n.readAt ? undefined : 'var(--mantine-color-blue-0)' }}
                  >
                    <Text size="sm" fw={n.readAt ? 400 : 700}>
                      {n.title}
                    </Text>
                    {n.body && (
                      <Text size="xs" lineClamp={3}>
                        {n.body}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {[n.unitName, formatDateTime(n.createdAt), n.readAt ? null : t('notifications.unread')].filter(Boolean).join(' · ')}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
