import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The unit's name, or a link holding it. */
  children: ReactNode;
  parentName: string | null | undefined;
}

/**
 * A unit's name in a list of units of several parents, with its parent on a second, quieter line
 * ("Trực thuộc Đảng bộ Sở Tài chính"), so that units of the same name can be told apart.
 */
export function UnitName({ children, parentName }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {children}
      {parentName && (
        <Text component="span" display="block" size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('units.partOf', { parent: parentName })}
        </Text>
      )}
    </>
  );
}
