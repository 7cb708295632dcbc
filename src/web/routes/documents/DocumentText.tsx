import type { KeyboardEvent, ReactNode } from 'react';
import { memo, useMemo } from 'react';
import type { Mark, Segment } from './marks.ts';
import { segmentText } from './marks.ts';
import classes from './documents.module.css';

interface Props {
  text: string;
  marks: Mark[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

function render(segments: Segment[], selectedId: string | null, onSelect: (id: string) => void): ReactNode[] {
  return segments.map((s) => {
    // Runs of empty lines (a Word file's empty paragraphs) show as one; the marks keep their places.
    if (s.type === 'text') return s.text.replace(/\n{3,}/g, '\n\n');
    const select = () => onSelect(s.mark.id);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        select();
      }
    };
    return (
      <mark
        key={`${s.mark.id}@${s.start}`}
        className={`${classes.mark} ${selectedId === s.mark.id ? classes.selected : ''}`}
        data-item={s.mark.id}
        data-kind={s.mark.kind}
        aria-label={s.mark.label}
        title={s.mark.label}
        tabIndex={0}
        onClick={(e) => {
          e.stopPropagation();
          select();
        }}
        onKeyDown={onKeyDown}
      >
        {render(s.children, selectedId, onSelect)}
      </mark>
    );
  });
}

/**
 * The text of a document with each extracted item highlighted where it stands; a click (or
 * Enter) on a highlight selects the item in the form.
 */
export const DocumentText = memo(function DocumentText({ text, marks, selectedId, onSelect }: Props) {
  const segments = useMemo(() => segmentText(text, marks), [text, marks]);
  return (
    <pre className={classes.text}>
      {render(segments, selectedId, onSelect)}
    </pre>
  );
});
