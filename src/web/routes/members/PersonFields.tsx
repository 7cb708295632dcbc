import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { todayIso } from '../../components/format.ts';
import type { PersonFormValues } from './person-form.ts';

interface Props {
  values: PersonFormValues;
  errors: Record<string, string>;
  set: (key: keyof PersonFormValues, value: PersonFormValues[keyof PersonFormValues]) => void;
}

/** The fields of a person, shared by "Thêm thành viên" and "Sửa thông tin". */
export function PersonFields({ values: v, errors, set }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('members.fullName')} required value={v.fullName} onChange={(e) => set('fullName', e.currentTarget.value)} error={errors.fullName} data-autofocus autoComplete="off" />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('members.gender')}
          data={[
            { value: 'nam', label: t('members.genders.nam') },
            { value: 'nu', label: t('members.genders.nu') },
          ]}
          value={v.gender}
          onChange={(g) => set('gender', g)}
          clearable
          error={errors.gender}
          comboboxProps={{ withinPortal: true }}
        />
        <DateField label={t('members.birthDate')} value={v.birthDate} onChange={(d) => set('birthDate', d)} error={errors.birthDate} clearable maxDate={todayIso()} />
        <TextInput label={t('members.phone')} type="tel" inputMode="tel" value={v.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} />
        <TextInput label={t('members.email')} type="email" value={v.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} />
        <TextInput label={t('members.partyCardNo')} value={v.partyCardNo} onChange={(e) => set('partyCardNo', e.currentTarget.value)} error={errors.partyCardNo} />
        <DateField label={t('members.joinedPartyOn')} value={v.joinedPartyOn} onChange={(d) => set('joinedPartyOn', d)} error={errors.joinedPartyOn} clearable maxDate={todayIso()} />
      </SimpleGrid>
      <TextInput label={t('members.jobTitle')} value={v.jobTitle} onChange={(e) => set('jobTitle', e.currentTarget.value)} error={errors.jobTitle} />
    </>
  );
}
