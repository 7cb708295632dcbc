import { Anchor, Button, EmptyState } from '@mantine/core';
import { IconFlag, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useActingUnit } from '../../components/acting-unit.ts';
import { CardList } from '../../components/CardList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Hint } from '../../components/Hint.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useUnit } from '../../components/unit-queries.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { useCampaigns } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';

const monthText = (m: string) => (m ? `${Number(m.slice(5))}/${m.slice(0, 4)}` : '');

/** The political-activity campaigns the unit takes part in or runs. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const acting = useActingUnit();
  const unit = useUnit(acting.unitId);
  const list = useCampaigns(acting.unitId ?? '');
  const [creating, setCreating] = useState(false);
  if (acting.loading || (acting.unitId && (list.isPending || unit.isPending))) return <PageLoader />;
  if (!acting.unitId) return null;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  // Writing a campaign is the committee's work; the server says no to anyone else.
  const mayCreate = !!unit.data && unit.data.validTo === null && unit.data.permissions.manageUnits && unit.data.kind !== 'cell';
  return (
    <>
      <PageHeader
        title={t('meetings.campaigns.title')}
        subtitle={acting.unitName}
        actions={mayCreate && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t('meetings.campaigns.create')}
          </Button>
        )}
      />
      <MeetingsNav />
      {list.data!.items.length === 0 ? (
        <EmptyState icon={<IconFlag size={40} aria-hidden />} title={t('meetings.campaigns.empty')} py="lg" />
      ) : (
        <CardList items={list.data!.items} label={t('meetings.campaigns.title')} itemKey={(c) => c.id}>
          {(c) => (
            <>
              <Anchor component={Link} to={`/meetings/campaigns/${c.id}`} fw={600}>
                {c.title}
              </Anchor>
              <Hint>{c.unitName} · {t('meetings.campaigns.span', { from: monthText(c.firstMonth), to: monthText(c.lastMonth), count: c.months })}</Hint>
            </>
          )}
        </CardList>
      )}
      {creating && acting.unitId && <CampaignFormModal unitId={acting.unitId} onClose={() => setCreating(false)} />}
    </>
  );
}
