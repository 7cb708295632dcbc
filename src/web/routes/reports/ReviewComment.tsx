import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SubmissionVersion } from '#shared/reports.ts';
import { formatDateTime } from '../../components/format.ts';

interface Props {
  version: SubmissionVersion;
  title: string;
  color: string;
  icon: ReactNode;
  role?: 'alert';
}

/** The receiving level's comment on a version, as written, with who wrote it and when. */
export function ReviewComment({ version: v, title, color, icon, role }: Props) {
  return (
    <Alert color={color} icon={icon} title={title} role={role}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {v.reviewComment}
      </Text>
      {v.reviewedBy && v.reviewedAt && (
        <Text size="xs" c="dimmed" mt={4}>
          {v.reviewedBy.name} · {formatDateTime(v.reviewedAt)}
        </Text>
      )}
    </Alert>
  );
}
