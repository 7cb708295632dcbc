import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Names {
  name: string;
  shortName: string;
  termLabel: string;
}

interface Props {
  nameLabel: string;
  values: Names;
  errors: Record<string, string>;
  set: (key: keyof Names, value: string) => void;
}

/** A unit's name, short name and term of office, as a new unit or a renamed one takes them. */
export function NameFields({ nameLabel, values, errors, set }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={nameLabel} required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-autofocus />
      <TextInput label={t('units.shortName')} value={values.shortName} onChange={(e) => set('shortName', e.currentTarget.value)} error={errors.shortName} />
      <TextInput label={t('units.termLabel')} placeholder="2025-2030" value={values.termLabel} onChange={(e) => set('termLabel', e.currentTarget.value)} error={errors['term.label']} />
    </>
  );
}
