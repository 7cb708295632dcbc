import { TextInput } from '@mantine/core';
import type { MantineStyleProp } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

interface Props {
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  maw?: number;
  style?: MantineStyleProp;
}

/** The search box above a list: searched as typed, diacritics not needed. */
export function SearchInput({ label, placeholder, value, onChange, maw, style }: Props) {
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={18} aria-hidden />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      maw={maw}
      style={style}
    />
  );
}
