import type { ClipboardEvent, FormEvent } from 'react';
import { numberSeparators } from './format.ts';
import type { Language } from '../i18n/index.ts';

/**
 * True when typed or pasted text cannot be part of a whole number: letters, signs, or anything but
 * digits, spaces and the language's thousands separator ("12 người", "abc", "-3"). A numeric field
 * drops such characters silently; the form says why the field stayed empty instead.
 */
export function notAWholeNumber(text: string, lang?: Language): boolean {
  const { thousands } = numberSeparators(lang);
  for (const ch of text) {
    if (/\d|\s/u.test(ch) || ch === thousands) continue;
    return true;
  }
  return false;
}

/**
 * Props for a whole-number field that calls `onRejected` when the user types or pastes something
 * that is not a number (the field itself keeps only the digits).
 */
export function wholeNumberGuard(onRejected: () => void): {
  onBeforeInput: (e: FormEvent<HTMLInputElement>) => void;
  onPaste: (e: ClipboardEvent<HTMLInputElement>) => void;
} {
  return {
    onBeforeInput: (e) => {
      const data = (e.nativeEvent as InputEvent).data;
      if (data && notAWholeNumber(data)) onRejected();
    },
    onPaste: (e) => {
      const text = e.clipboardData.getData('text');
      if (text && notAWholeNumber(text.trim())) onRejected();
    },
  };
}
