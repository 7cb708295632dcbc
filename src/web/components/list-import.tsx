import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { WorkProgress } from '#shared/common.ts';
import { ApiError } from '../api-client.ts';
import { errorMessage } from './notify.ts';
import { WorkProgressBar } from './WorkProgressBar.tsx';

/** The modes of a list import: check only, import every row or none, import the good rows. */
export type ListImportMode = 'check' | 'all' | 'good';

/** A refused "import all" carries the report of the bad rows in its body (at the top or in its error). */
function reportInBody<R extends { errors: unknown[] }>(error: unknown): R | null {
  if (!(error instanceof ApiError)) return null;
  const body = error.body as { report?: R; error?: { report?: R } } | null;
  const r = body?.report ?? body?.error?.report;
  return r && Array.isArray(r.errors) ? r : null;
}

/** What an upload is sending: the file, the mode, and where the upload and the server's work are. */
export interface ListImportState<R> {
  file: File | null;
  report: R | null;
  busy: ListImportMode | null;
  /** 0..1 while the bytes go up. */
  upload: number;
  work: WorkProgress | null;
  error: string | null;
}

/**
 * The state of a list import dialog (members, a tree): the chosen file (refused above `maxBytes`
 * with `tooLarge`), the last report, and `send`, which uploads for a mode and keeps the report —
 * also the report of a refused "import all" — and the server's message.
 */
export function useListImport<R extends { errors: unknown[] }>(maxBytes: number, tooLarge: string) {
  const [state, setState] = useState<ListImportState<R>>({ file: null, report: null, busy: null, upload: 0, work: null, error: null });
  const set = (patch: Partial<ListImportState<R>>) => setState((s) => ({ ...s, ...patch }));

  function choose(file: File | null) {
    set({ file, report: null, error: file && file.size > maxBytes ? tooLarge : null });
  }

  /** Sends the file for `mode` with `upload`; `onDone` runs after an import (not a check) succeeded. */
  async function send(
    mode: ListImportMode,
    upload: (file: File, progress: { onProgress: (f: number) => void; onWork: (p: WorkProgress) => void }) => Promise<R>,
    onDone?: (report: R) => Promise<void> | void,
  ): Promise<void> {
    if (!state.file) return;
    set({ busy: mode, upload: 0, work: null, error: null });
    try {
      const out = await upload(state.file, { onProgress: (f) => set({ upload: f }), onWork: (work) => set({ work }) });
      set({ report: out });
      if (mode !== 'check') await onDone?.(out);
    } catch (e) {
      const r = reportInBody<R>(e);
      set({ ...(r ? { report: r } : {}), error: errorMessage(e) });
    } finally {
      set({ busy: null, work: null });
    }
  }

  return { ...state, choose, send, clearReport: () => set({ report: null, error: null }) };
}

/** Where an upload stands: the bytes going up, then the server checking or writing (with its own progress when it gives it). */
export function ListImportProgress({ state, labels }: {
  state: Pick<ListImportState<unknown>, 'busy' | 'upload' | 'work'>;
  labels: { uploading: (pct: number) => string; checking: string; saving: string; progress: string };
}) {
  const { busy, upload, work } = state;
  if (!busy) return null;
  if (work) return <WorkProgressBar progress={work} />;
  const uploading = upload < 1;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{uploading ? labels.uploading(Math.round(upload * 100)) : busy === 'check' ? labels.checking : labels.saving}</Text>
      <Progress value={uploading ? upload * 100 : 100} animated={!uploading} striped={!uploading} aria-label={labels.progress} />
    </Stack>
  );
}

/** The empty lists to fill in, one link per format. */
export function TemplateLinks({ links }: { links: readonly { href: string; label: string }[] }) {
  return (
    <Group gap="lg">
      {links.map((x) => (
        <Anchor key={x.href} href={x.href} download size="sm">
          <Group gap={6} component="span">
            <IconDownload size={16} aria-hidden />
            {x.label}
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}
