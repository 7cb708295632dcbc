import { Alert, Anchor, Button, Checkbox, EmptyState, Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconEye, IconPlus, IconTrash, IconUserShield, IconUsersPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ROLES } from '#core/access/roles.ts';
import type { AccountPreview, AccountRuleInput, AccountsCreated, SlipFormat } from '#shared/accounts.ts';
import { AccountsPreviewSchema } from '#shared/accounts.ts';
import type { WorkProgress } from '#shared/common.ts';
import { api, apiUrl } from '../../api-client.ts';
import type { Column } from '../../components/DataTable.tsx';
import { downloadFile } from '../../components/download.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormError } from '../../components/FormError.tsx';
import { formatNumber } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitMultiSelect } from '../../components/UnitMultiSelect.tsx';
import type { UnitRef } from '../../components/unit-queries.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { mayAnywhere, useMe } from '../../components/use-me.ts';
import { WorkProgressBar } from '../../components/WorkProgressBar.tsx';
import { userKeys } from './user-queries.ts';

const PAGE = 25;
const EVERYONE = '';

type Row = AccountPreview['items'][number];

/** The two rules a committee starts with: every cell's bí thư as secretary of the cell, every member as member. */
const PRESETS: Record<'secretaries' | 'members', AccountRuleInput> = {
  secretaries: { position: 'secretary', unitKinds: ['cell', 'grassroots_cell'], role: 'secretary' },
  members: { position: null, unitKinds: [], role: 'member' },
};

/**
 * "Tạo tài khoản hàng loạt": choose units and rules, preview who gets which account (user names by
 * the stated scheme), create them with progress, and download the slips of one-time passwords
 * once (docs/decisions/019).
 */
export function BulkAccountsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const form = useFormState({ units: [] as UnitRef[], rules: [PRESETS.secretaries] as AccountRuleInput[] });
  const [shown, setShown] = useState<{ unitIds: string[]; rules: AccountRuleInput[] } | null>(null);
  const [page, setPage] = useState(1);
  const [format, setFormat] = useState<SlipFormat>('xlsx');
  const [email, setEmail] = useState(false);
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AccountsCreated | null>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const [downloaded, setDownloaded] = useState(false);

  const preview = useQuery({
    queryKey: ['accounts-preview', shown, page],
    enabled: shown !== null,
    queryFn: () => api.post<AccountPreview>('/api/accounts/preview', { ...shown, limit: PAGE, offset: (page - 1) * PAGE }),
    placeholderData: keepPreviousData,
    retry: false,
  });

  if (!mayAnywhere(me, 'manage_users')) {
    return <EmptyState icon={<IconUserShield size={40} aria-hidden />} title={t('users.forbiddenTitle')} description={t('users.forbiddenBody')} py="xl" />;
  }

  const setRule = (i: number, change: Partial<AccountRuleInput>) => {
    form.set('rules', form.values.rules.map((r, k) => (k === i ? { ...r, ...change } : r)));
    setShown(null);
  };

  function showPreview() {
    const input = form.validate(AccountsPreviewSchema, { unitIds: form.values.units.map((u) => u.id), rules: form.values.rules });
    if (!input) return;
    setCreated(null);
    setCreateError(null);
    setPage(1);
    setShown({ unitIds: input.unitIds, rules: input.rules });
  }

  async function download(slips: NonNullable<AccountsCreated['slips']>) {
    try {
      await downloadFile(apiUrl(`/api/accounts/slips/${slips.id}`), slips.filename);
      setDownloaded(true);
    } catch (e) {
      setCreateError(e);
    }
  }

  async function create() {
    if (!shown) return;
    setCreating(true);
    setCreateError(null);
    setProgress(null);
    try {
      const out = await api.postWithProgress<AccountsCreated>('/api/accounts', { ...shown, format, email }, setProgress);
      setCreated(out);
      setDownloaded(false);
      setShown(null);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      if (out.slips) await download(out.slips);
    } catch (e) {
      setCreateError(e);
    } finally {
      setCreating(false);
      setProgress(null);
    }
  }

  const positionOptions = [{ value: EVERYONE, label: t('accounts.everyone') }, ...labels.positionOptions()];
  const roleOptions = ROLES.filter((r) => r !== 'admin').map((r) => ({ value: r, label: labels.role(r) }));
  const columns: Column<Row>[] = [
    { key: 'name', header: t('users.person'), rowHeader: true, cell: (r) => r.fullName },
    { key: 'username', header: t('auth.username'), td: () => ({ fw: 500 }), cell: (r) => r.username },
    { key: 'role', header: t('users.grantRole'), cell: (r) => labels.role(r.role) },
    { key: 'unit', header: t('users.grantUnit'), cell: (r) => r.unitName },
    { key: 'email', header: t('accounts.email'), nowrap: true, cell: (r) => (r.hasEmail ? t('accounts.hasEmail') : '—') },
  ];
  const data = preview.data;

  return (
    <>
      <PageHeader title={t('accounts.title')} subtitle={<Anchor component={Link} to="/users" size="sm">{t('accounts.backToUsers')}</Anchor>} />
      <Stack gap="md">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <FormError message={form.formError} />
            <UnitMultiSelect label={t('accounts.units')} description={t('accounts.unitsHint')} value={form.values.units} onChange={(u) => { form.set('units', u); setShown(null); }} error={form.errors.unitIds} />
            <Title order={2} fz="h5">{t('accounts.rules')}</Title>
            <Text size="sm" c="dimmed">{t('accounts.rulesHint')}</Text>
            {form.values.rules.map((rule, i) => (
              <SimpleGrid key={i} cols={{ base: 1, sm: 4 }} spacing="xs" verticalSpacing="xs" aria-label={t('accounts.ruleN', { n: i + 1 })} role="group">
                <Select label={t('accounts.position')} data={positionOptions} value={rule.position ?? EVERYONE} allowDeselect={false}
                  onChange={(v) => setRule(i, { position: v ? (v as AccountRuleInput['position']) : null })} />
                <MultiSelect label={t('accounts.unitKinds')} placeholder={t('accounts.anyKind')} data={labels.unitKindOptions()} value={[...rule.unitKinds]}
                  onChange={(v) => setRule(i, { unitKinds: v as AccountRuleInput['unitKinds'] })} clearable />
                <Select label={t('accounts.role')} data={roleOptions} value={rule.role} allowDeselect={false} onChange={(v) => v && setRule(i, { role: v as AccountRuleInput['role'] })} />
                <Group align="end">
                  <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} disabled={form.values.rules.length === 1}
                    onClick={() => { form.set('rules', form.values.rules.filter((_, k) => k !== i)); setShown(null); }}>
                    {t('accounts.removeRule', { n: i + 1 })}
                  </Button>
                </Group>
              </SimpleGrid>
            ))}
            <Group gap="xs">
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => { form.set('rules', [...form.values.rules, PRESETS.secretaries]); setShown(null); }}>
                {t('accounts.addSecretaries')}
              </Button>
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => { form.set('rules', [...form.values.rules, PRESETS.members]); setShown(null); }}>
                {t('accounts.addMembers')}
              </Button>
            </Group>
            <Alert color="gray" variant="light" title={t('accounts.schemeTitle')}>
              <Text size="sm">{t('accounts.scheme')}</Text>
            </Alert>
            <Group>
              <Button leftSection={<IconEye size={18} aria-hidden />} onClick={showPreview} loading={preview.isFetching && !data}>
                {t('accounts.preview')}
              </Button>
            </Group>
          </Stack>
        </Paper>

        {shown && preview.error && <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />}
        {shown && data && (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <Title order={2} fz="h5">{t('accounts.previewTitle')}</Title>
              <Text size="sm">
                {t('accounts.previewCounts', { n: formatNumber(data.total), account: formatNumber(data.skippedCount.hasAccount), none: formatNumber(data.skippedCount.noMembership) })}
              </Text>
              <PagedTable query={preview} label={t('accounts.previewTitle')} rowKey={(r: Row) => r.personId} columns={columns} minWidth={720}
                empty={<Text c="dimmed" size="sm">{t('accounts.nobody')}</Text>} paging={{ page, pageSize: PAGE, onPageChange: setPage }} />
              {data.skipped.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('accounts.skippedList')}{' '}
                  {data.skipped.slice(0, 20).map((s) => `${s.fullName} (${t(`accounts.skip.${s.reason}`)})`).join('; ')}
                  {data.skipped.length > 20 ? '…' : ''}
                </Text>
              )}
              {data.total > 0 && (
                <Stack gap="xs">
                  <Group gap="md" align="end">
                    <Stack gap={4}>
                      <Text size="sm" fw={500}>{t('accounts.format')}</Text>
                      <SegmentedControl value={format} onChange={(v) => setFormat(v as SlipFormat)} data={[{ value: 'xlsx', label: t('accounts.formatXlsx') }, { value: 'docx', label: t('accounts.formatDocx') }]} />
                    </Stack>
                    {data.canEmail && <Checkbox label={t('accounts.sendEmail')} checked={email} onChange={(e) => setEmail(e.currentTarget.checked)} />}
                  </Group>
                  <Text size="sm" c="dimmed">{t('accounts.onceHint')}</Text>
                  <Group>
                    <Button color="red" leftSection={<IconUsersPlus size={18} aria-hidden />} loading={creating} onClick={() => void create()}>
                      {t('accounts.create', { n: formatNumber(data.total) })}
                    </Button>
                  </Group>
                </Stack>
              )}
            </Stack>
          </Paper>
        )}
        <WorkProgressBar progress={progress} />
        {createError !== null && <ErrorAlert error={createError} title={t('accounts.createFailed')} />}
        {created && (
          <Alert color="green" variant="light" title={t('accounts.createdTitle', { n: formatNumber(created.created) })}>
            <Stack gap="xs">
              <Text size="sm">{t('accounts.createdBody', { printed: formatNumber(created.printed), emailed: formatNumber(created.emailed) })}</Text>
              {created.emailFailed > 0 && <Text size="sm" c="red.8">{t('accounts.emailFailed', { n: formatNumber(created.emailFailed) })}</Text>}
              {created.slips && !downloaded && (
                <Group>
                  <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={() => void download(created.slips!)}>{t('accounts.download')}</Button>
                </Group>
              )}
              {created.slips && downloaded && <Text size="sm">{t('accounts.downloaded', { name: created.slips.filename })}</Text>}
            </Stack>
          </Alert>
        )}
      </Stack>
    </>
  );
}
