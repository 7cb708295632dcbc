import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionVersion } from '#shared/reports.ts';
import { FormError } from '../../components/FormError.tsx';
import { errorMessage } from '../../components/notify.ts';
import { Section } from '../../components/Section.tsx';
import { useReviewSubmission } from './report-queries.ts';

/** The receiving level's decision on a submitted version: accept it, or return it with a comment. */
export function ReviewPanel({ version, unitName }: { version: SubmissionVersion; unitName: string }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | undefined>();
  const review = useReviewSubmission({
    notice: (_, r) => (r.decision === 'accept' ? t('reports.review.accepted', { unit: unitName }) : t('reports.review.returned', { unit: unitName })),
    onError: (e) => setError(errorMessage(e)),
  });

  function decide(decision: 'accept' | 'return') {
    setError(null);
    if (decision === 'return' && !comment.trim()) {
      setCommentError(t('reports.review.commentNeeded'));
      return;
    }
    review.mutate({ submissionId: version.id, decision, comment: comment.trim() }, { onSuccess: () => setComment('') });
  }

  return (
    <Section title={t('reports.review.title')} id="review-title" titleGap={4} bg="yellow.0">
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.review.hint', { n: version.version })}
      </Text>
      <Stack gap="sm">
        <Textarea
          label={t('reports.review.comment')}
          description={t('reports.review.commentHint')}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setCommentError(undefined);
          }}
          autosize
          minRows={3}
          error={commentError}
        />
        <FormError message={error} />
        <Group gap="sm">
          <Button color="green" leftSection={<IconCheck size={18} aria-hidden />} loading={review.isPending && review.variables?.decision === 'accept'} onClick={() => decide('accept')}>
            {t('reports.review.accept')}
          </Button>
          <Button
            color="orange"
            variant="light"
            leftSection={<IconArrowBackUp size={18} aria-hidden />}
            loading={review.isPending && review.variables?.decision === 'return'}
            onClick={() => decide('return')}
          >
            {t('reports.review.return')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
