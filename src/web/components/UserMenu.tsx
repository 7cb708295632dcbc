import { Avatar, Menu, UnstyledButton, Text, Group } from '@mantine/core';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, setCsrfToken } from '../api-client.ts';
import { notifyError } from './notify.ts';
import { useMe } from './use-me.ts';

/** The signed-in user: change password, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!me) return null;
  const name = me.fullName ?? me.username;

  async function logout() {
    try {
      await api.post('/api/auth/logout');
    } catch (e) {
      notifyError(e);
      return;
    }
    setCsrfToken(null);
    queryClient.clear();
    navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu', { name })} style={{ borderRadius: 999 }} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={34} radius="xl" color="red" name={name} />
            <Text size="sm" visibleFrom="md" maw={160} truncate>
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{name}</Menu.Label>
        <Menu.Item leftSection={<IconKey size={18} aria-hidden />} onClick={() => navigate('/account/password')}>
          {t('auth.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={() => void logout()}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
