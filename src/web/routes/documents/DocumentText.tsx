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
  label: string;
}

function render(segments: Segment[], selectedId: string | null, onSelect: (id: string) => void): ReactNode[] {
  return segments.map((s) => {
    if (s.type === 'text') return s.text;
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
export const DocumentText = memo(function DocumentText({ text, marks, selectedId, onSelect, label }: Props) {
  const segments = useMemo(() => segmentText(text, marks), [text, marks]);
  return (
    <pre className={classes.text} aria-label={label}>
      {render(segments, selectedId, onSelect)}
    </pre>
  );
});
