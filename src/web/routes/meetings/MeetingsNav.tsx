import { Tabs } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

const TABS = [
  { path: '/meetings', key: 'list' },
  { path: '/meetings/upcoming', key: 'upcoming' },
  { path: '/meetings/coverage', key: 'coverage' },
  { path: '/meetings/quality', key: 'quality' },
  { path: '/meetings/campaigns', key: 'campaigns' },
  { path: '/meetings/rules', key: 'rules' },
] as const;

/** The sections of the meetings module; scrolls sideways on a phone. */
export function MeetingsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = [...TABS].reverse().find((x) => pathname === x.path || pathname.startsWith(`${x.path}/`))?.path ?? '/meetings';
  const list = useRef<HTMLDivElement>(null);
  // On a phone the current tab may be off screen: bring it into view.
  useEffect(() => {
    const tab = list.current?.querySelector<HTMLElement>('[data-active]');
    if (tab && list.current) list.current.scrollLeft = tab.offsetLeft - (list.current.clientWidth - tab.offsetWidth) / 2;
  }, [current]);
  return (
    <Tabs value={current} onChange={(v) => v && navigate(v)} mb="md" keepMounted={false}>
      <Tabs.List ref={list} style={{ flexWrap: 'nowrap', overflowX: 'auto', position: 'relative' }} aria-label={t('meetings.sections')}>
        {TABS.map((x) => (
          <Tabs.Tab key={x.path} value={x.path} style={{ whiteSpace: 'nowrap' }}>
            {t(`meetings.tabs.${x.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
