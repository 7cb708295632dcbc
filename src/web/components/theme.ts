import { Button, createTheme, DEFAULT_THEME, MultiSelect, NativeSelect, PasswordInput, Select, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { foldedFilter } from './folded-filter.ts';

// Inputs at 16 px (no zoom on phones) and buttons at least 42 px high: large touch targets.
const md = { defaultProps: { size: 'md' as const } };
// Pickers that filter their own options ignore diacritics, like the server's searches.
const picker = { defaultProps: { size: 'md' as const, filter: foldedFilter } };

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: `Inter, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, ${DEFAULT_THEME.fontFamily}`,
  defaultRadius: 'md',
  components: {
    Button: Button.extend(md),
    TextInput: TextInput.extend(md),
    PasswordInput: PasswordInput.extend(md),
    Select: Select.extend(picker),
    MultiSelect: MultiSelect.extend(picker),
    NativeSelect: NativeSelect.extend(md),
    Textarea: Textarea.extend(md),
    DatePickerInput: DatePickerInput.extend(md),
  },
});
