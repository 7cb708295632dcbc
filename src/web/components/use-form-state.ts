import { useCallback, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api-client.ts';
import { issueMessages } from './form-errors.ts';
import { errorMessage } from './notify.ts';

/** The fields of `T` that hold text. */
type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * Small form state: values, per-field errors, validation with a shared zod schema and the
 * field errors the server returns. Field names are the schema's paths ("term.start").
 */
export function useFormState<T extends object>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!((key as string) in e)) return e;
      const next = { ...e };
      delete next[key as string];
      return next;
    });
  }, []);

  /** Parses `input` with `schema`; on failure shows the messages beside the fields and returns null. */
  function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      setErrors({});
      setFormError(null);
      return parsed.data;
    }
    const next = issueMessages(parsed.error);
    setErrors(next);
    setFormError(next._ ?? null);
    return null;
  }

  /** Shows an error from the server: beside the fields it names, and as a message above the form. */
  function showServerError(error: unknown): void {
    if (error instanceof ApiError) {
      setErrors(error.fieldMap());
      setFormError(error.message);
    } else {
      setFormError(errorMessage(error));
    }
  }

  /** What a text input bound to `key` takes: its value, the change typing makes, its error (named `errorKey` by the schema when it differs). */
  function text(key: TextKey<T>, errorKey: string = String(key)) {
    return {
      value: values[key] as string,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as T[TextKey<T>]),
      error: errors[errorKey],
    };
  }

  function setFieldError(key: string, message: string): void {
    setErrors((e) => ({ ...e, [key]: message }));
  }

  function reset(to: T = initial): void {
    setValues(to);
    setErrors({});
    setFormError(null);
  }

  return { values, set, setValues, errors, text, setFieldError, formError, setFormError, validate, showServerError, reset };
}
