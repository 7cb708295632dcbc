import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Paging {
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

/** The page buttons under a long list; nothing when everything fits on one page. */
export function Pager({ page, pageSize, onPageChange, total }: Paging & { total: number }) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return (
    <Group justify="center">
      <Pagination
        total={pages}
        value={page}
        onChange={onPageChange}
        getControlProps={(c) => ({ 'aria-label': t(`common.page.${c}`) })}
        getItemProps={(p) => ({ 'aria-label': t('common.page.number', { n: p }) })}
      />
    </Group>
  );
}
