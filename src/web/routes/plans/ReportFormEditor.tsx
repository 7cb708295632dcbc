import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Hint } from '../../components/Hint.tsx';
import { RemoveButton } from '../../components/RemoveButton.tsx';
import { emptyFigure, emptySection } from './plan-form.ts';
import type { FigureForm, SectionForm } from './plan-form.ts';
import classes from './plans.module.css';

interface Props {
  figures: FigureForm[];
  sections: SectionForm[];
  onChange: (form: { figures: FigureForm[]; sections: SectionForm[] }) => void;
  error?: string | undefined;
}

/**
 * The form of a report: figures the units fill in ("Số đảng viên được học tập", part of "Tổng số
 * đảng viên") and the narrative sections they write.
 */
export function ReportFormEditor({ figures, sections, onChange, error }: Props) {
  const { t } = useTranslation();
  const setFigure = (i: number, f: FigureForm) => onChange({ figures: figures.map((x, j) => (j === i ? f : x)), sections });
  const removeFigure = (i: number) => {
    const gone = figures[i]?.uid;
    onChange({ figures: figures.filter((_, j) => j !== i).map((x) => (x.ofUid === gone ? { ...x, ofUid: null } : x)), sections });
  };
  const setSection = (i: number, s: SectionForm) => onChange({ figures, sections: sections.map((x, j) => (j === i ? s : x)) });

  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        {t('plans.form.figures')}
      </Title>
      {figures.length === 0 && (
        <Hint>{t('plans.form.noFigures')}</Hint>
      )}
      {figures.map((f, i) => {
        const name = t('plans.form.figureN', { n: i + 1 });
        return (
          <div key={f.uid} role="group" aria-label={name} className={classes.figureRow}>
            <TextInput
              label={t('plans.form.figureLabel')}
              description={f.key ? t('plans.form.figureKey', { key: f.key }) : undefined}
              value={f.label}
              onChange={(e) => setFigure(i, { ...f, label: e.currentTarget.value })}
              required
            />
            <TextInput label={t('plans.form.figureUnit')} placeholder={t('plans.form.figureUnitHint')} value={f.unit} onChange={(e) => setFigure(i, { ...f, unit: e.currentTarget.value })} />
            <Select
              label={t('plans.form.figureOf')}
              placeholder={t('plans.form.figureOfNone')}
              data={figures.filter((x) => x.uid !== f.uid && x.label.trim()).map((x) => ({ value: x.uid, label: x.label }))}
              value={f.ofUid}
              onChange={(v) => setFigure(i, { ...f, ofUid: v })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <RemoveButton label={t('plans.editor.remove', { name })} onClick={() => removeFigure(i)} className={classes.rowDelete} />
          </div>
        );
      })}
      <Group>
        <Button variant="light" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange({ figures: [...figures, emptyFigure()], sections })}>
          {t('plans.form.addFigure')}
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Title order={4} fz="sm" mt="xs">
        {t('plans.form.sections')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('plans.form.sectionsHint')}
      </Text>
      {sections.map((s, i) => {
        const name = t('plans.form.sectionN', { n: i + 1 });
        return (
          <Group key={s.uid} gap="xs" align="flex-end" wrap="nowrap" role="group" aria-label={name}>
            <TextInput label={t('plans.form.sectionTitle')} value={s.title} onChange={(e) => setSection(i, { ...s, title: e.currentTarget.value })} style={{ flex: 1 }} required />
            <RemoveButton label={t('plans.editor.remove', { name })} onClick={() => onChange({ figures, sections: sections.filter((_, j) => j !== i) })} mb={4} />
          </Group>
        );
      })}
      <Group>
        <Button variant="light" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange({ figures, sections: [...sections, emptySection()] })}>
          {t('plans.form.addSection')}
        </Button>
      </Group>
    </Stack>
  );
}
