import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconFileCheck, IconInfoCircle, IconListCheck } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Due } from '#core/deadline/types.ts';
import type { Extraction } from '#core/extract/types.ts';
import { DocumentStructureSchema } from '#shared/documents.ts';
import type { DocumentDetail } from '#shared/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess, errorMessage } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useLang } from '../../components/use-lang.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { useCreatePlanFromDocument, useDocument, useSaveStructure } from './document-queries.ts';
import classes from './documents.module.css';
import { DocumentText } from './DocumentText.tsx';
import { fromState, marksOf, toState } from './structure-model.ts';
import type { MarkKind, StructureState } from './structure-model.ts';
import { StructureForm } from './StructureForm.tsx';
import { dueShort } from '#core/deadline/words.ts';

/** The review of an imported document: its text with every extracted item highlighted, and the structure to correct and confirm. */
export function ReviewDocumentPage() {
  const id = useRouteId();
  const doc = useDocument(id);
  if (doc.isPending) return <PageLoader />;
  if (doc.isError) return <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />;
  return <Review key={doc.data.id} doc={doc.data} />;
}

function Review({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const initial = (doc.structure ?? doc.proposed) as Extraction | null;
  const [state, setState] = useState<StructureState | null>(() => (initial ? toState(initial, doc.spans) : null));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ planId: string | null } | null>(null);
  const [planCreated, setPlanCreated] = useState<string | null>(doc.plan ? doc.plan.id : null);
  const textPane = useRef<HTMLDivElement>(null);
  const save = useSaveStructure(doc.id);
  const createPlan = useCreatePlanFromDocument(doc.id);

  const year = Number((state?.date ?? doc.date ?? '').slice(0, 4)) || new Date().getFullYear();
  const update = useCallback((fn: (s: StructureState) => StructureState) => setState((s) => (s ? fn(s) : s)), []);
  const words = useMemo(
    () => ({ kind: (k: MarkKind) => t(`documents.markKinds.${k}`), due: (d: Due) => dueShort(d, lang) }),
    [t, lang],
  );
  const marks = useMemo(() => (state ? marksOf(state, words) : []), [state, words]);

  const selectFromText = useCallback((itemId: string) => {
    setSelectedId(itemId);
    const el = document.getElementById(`item-${itemId}`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
  }, []);
  const showInText = useCallback((itemId: string) => {
    setSelectedId(itemId);
    const mark = textPane.current?.querySelector<HTMLElement>(`mark[data-item="${CSS.escape(itemId)}"]`);
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark?.focus({ preventScroll: true });
  }, []);

  const published = doc.plan !== null && doc.plan.status !== 'draft';
  const canEdit = doc.permissions.write && !published && doc.status !== 'stub';

  if (!state || doc.text === null) {
    return (
      <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
        {t('documents.noText')}
      </Alert>
    );
  }

  const onSave = () => {
    const structure = fromState(state);
    const parsed = DocumentStructureSchema.safeParse(structure);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        if (!(key in next)) next[key] = issue.message;
      }
      setErrors(next);
      setFormError(t('documents.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    save.mutate(structure, {
      onSuccess: (out) => {
        setSaved({ planId: out.planId });
        notifySuccess(t('documents.saved'));
      },
      onError: (e) => setFormError(errorMessage(e)),
    });
  };

  const onCreatePlan = () =>
    createPlan.mutate(undefined, {
      onSuccess: (out) => {
        setPlanCreated(out.id);
        notifySuccess(t('documents.planCreated'));
      },
      onError: (e) => setFormError(errorMessage(e)),
    });

  const isPlan = state.kind === 'KH' || saved?.planId != null;
  const unitName = doc.ownerUnit?.name ?? '';

  return (
    <>
      <PageHeader
        title={t('documents.reviewTitle')}
        subtitle={
          <Group gap={6}>
            <span>{doc.source?.fileName}</span>
            {unitName && <span>— {unitName}</span>}
            <Badge variant="light" color={doc.status === 'confirmed' ? 'green' : 'yellow'} tt="none">
              {t(`documents.status.${doc.status}`)}
            </Badge>
          </Group>
        }
        actions={
          canEdit ? (
            <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={onSave} loading={save.isPending}>
              {t('documents.save')}
            </Button>
          ) : null
        }
      />
      <Stack gap="sm" mb="md">
        {published && (
          <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
            {t('documents.publishedReadOnly')}
          </Alert>
        )}
        {!doc.permissions.write && (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
            {t('documents.readOnly')}
          </Alert>
        )}
        <FormError message={formError} />
        {saved && !planCreated && (
          <Alert color="green" icon={<IconCheck aria-hidden />} role="status">
            <Group justify="space-between" gap="sm">
              <Text size="sm">{isPlan ? t('documents.savedPlanHint') : t('documents.savedHint')}</Text>
              <Group gap="xs">
                {isPlan && (
                  <Button size="sm" leftSection={<IconListCheck size={18} aria-hidden />} onClick={onCreatePlan} loading={createPlan.isPending}>
                    {t('documents.createPlan')}
                  </Button>
                )}
                <Button size="sm" variant="default" component={Link} to={`/documents/${doc.id}`}>
                  {t('documents.openDocument')}
                </Button>
              </Group>
            </Group>
          </Alert>
        )}
        {planCreated && (saved || doc.plan) && (
          <Alert color="green" icon={<IconFileCheck aria-hidden />} role="status" title={saved ? t('documents.planCreatedTitle') : undefined}>
            <Group gap="xs">
              <Text size="sm">{t('documents.planDraftOf', { number: doc.number ?? state.number })}</Text>
              <Anchor component={Link} to={`/documents/${doc.id}#plan`} fw={600}>
                {t('documents.openPlan')}
              </Anchor>
            </Group>
          </Alert>
        )}
      </Stack>
      <div className={classes.panes}>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} className={classes.textPane} ref={textPane} component="section" aria-label={t('documents.textPane')}>
          <Title order={2} fz="h4" mb="xs">
            {t('documents.textPane')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('documents.textHint')}
          </Text>
          <DocumentText text={doc.text} marks={marks} selectedId={selectedId} onSelect={selectFromText} />
        </Paper>
        <section aria-label={t('documents.structurePane')}>
          <Title order={2} fz="h4" mb="sm">
            {t('documents.structurePane')}
          </Title>
          <fieldset disabled={!canEdit} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <StructureForm state={state} update={update} selectedId={selectedId} onShowInText={showInText} errors={errors} year={year} />
          </fieldset>
          {canEdit && (
            <Group justify="flex-end" mt="md">
              <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={onSave} loading={save.isPending}>
                {t('documents.save')}
              </Button>
            </Group>
          )}
        </section>
      </div>
    </>
  );
}
