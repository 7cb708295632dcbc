import { NavLink, Stack } from '@mantine/core';
import { IconBinaryTree2, IconChecklist, IconClipboardList, IconFiles, IconHistory, IconReportAnalytics, IconRocket, IconSchool, IconUserEdit, IconUsers, IconUserShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { mayAnywhere, useMe } from './use-me.ts';

/** The left navigation: one entry per module the user may use. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const { pathname } = useLocation();
  const items = [
    { to: '/home', label: t('nav.home'), icon: IconChecklist, show: true, match: ['/home', '/obligation-instances', '/task-instances'] },
    { to: '/plans', label: t('nav.plans'), icon: IconClipboardList, show: true, match: ['/plans', '/obligations'] },
    { to: '/consolidation', label: t('nav.consolidation'), icon: IconReportAnalytics, show: true, match: ['/consolidation'] },
    { to: '/meetings', label: t('nav.meetings'), icon: IconSchool, show: true, match: ['/meetings'] },
    { to: '/personal-plans', label: t('nav.personalPlans'), icon: IconUserEdit, show: true, match: ['/personal-plans'] },
    { to: '/units', label: t('nav.tree'), icon: IconBinaryTree2, show: true, match: ['/units'] },
    { to: '/members', label: t('nav.members'), icon: IconUsers, show: true, match: ['/members', '/people'] },
    { to: '/documents', label: t('nav.documents'), icon: IconFiles, show: true, match: ['/documents'] },
    { to: '/users', label: t('nav.users'), icon: IconUserShield, show: mayAnywhere(me, 'manage_users'), match: ['/users'] },
    { to: '/audit', label: t('nav.audit'), icon: IconHistory, show: mayAnywhere(me, 'read_audit'), match: ['/audit'] },
    { to: '/setup', label: t('setup.nav'), icon: IconRocket, show: me?.superuser === true, match: ['/setup'] },
  ];
  return (
    <nav aria-label={t('shell.navigation')}>
      <Stack gap={4}>
        {items
          .filter((i) => i.show)
          .map((i) => {
            const active = i.match.some((m) => pathname === m || pathname.startsWith(`${m}/`));
            return (
              <NavLink
                key={i.to}
                component={Link}
                to={i.to}
                label={i.label}
                leftSection={<i.icon size={20} aria-hidden />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                py="sm"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
      </Stack>
    </nav>
  );
}
