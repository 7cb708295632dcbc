import { AppShell, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFlag } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { ActingUnitSelect } from './ActingUnitSelect.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MainNav } from './MainNav.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { PageLoader } from './PageLoader.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The app shell: top bar (app name, acting unit, language, user), left navigation, the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const wide = useMediaQuery('(min-width: 48em)', true);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeNav') : t('shell.openNav')}
              aria-expanded={opened}
              aria-controls="main-navbar"
            />
            <UnstyledButton component={Link} to="/" aria-label={t('shell.home')} style={{ flexShrink: 0 }}>
              <Group gap={6} wrap="nowrap">
                <IconFlag size={24} color="var(--mantine-color-red-7)" aria-hidden />
                <Text fw={700} size="lg" c="red.8">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
            {wide && (
              <div style={{ flex: 1, minWidth: 0, maxWidth: 420, marginLeft: 'var(--mantine-spacing-md)' }}>
                <ActingUnitSelect />
              </div>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navbar">
        {/* On a phone the closed navbar only slides off screen: leave it empty so it is neither read nor tabbed to. */}
        {(wide || opened) && (
          <>
            {!wide && (
              <div style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
                <ActingUnitSelect showLabel onChosen={close} />
              </div>
            )}
            <MainNav onNavigate={close} />
          </>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
