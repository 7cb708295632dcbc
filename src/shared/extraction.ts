import { z } from 'zod';
import { DUE_NESTING } from '#core/deadline/types.ts';
import { isPlausibleYear, PLAUSIBLE_YEARS } from '#core/ids.ts';
import { HalfSchema, MonthSchema, nestedAtMost, QuarterSchema, YearSchema } from './common.ts';

/** The JSON of extraction/SCHEMA.md as a zod schema: what the extractor returns and the gold files hold. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true })
  .refine((s) => isPlausibleYear(Number(s.slice(0, 4))), { message: `Năm phải từ ${PLAUSIBLE_YEARS.from} đến ${PLAUSIBLE_YEARS.to}` });

export const DueSchema: z.ZodType<unknown> = nestedAtMost(DUE_NESTING, 'Thời hạn lồng nhau quá nhiều tầng', z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('date'), value: isoDate }),
    z.object({ type: z.literal('month'), value: MonthSchema }),
    z.object({ type: z.literal('quarter'), value: QuarterSchema }),
    z.object({ type: z.literal('quarter-end'), value: QuarterSchema }),
    z.object({ type: z.literal('half'), value: HalfSchema }),
    z.object({ type: z.literal('year'), value: YearSchema }),
    z.object({ type: z.literal('range'), value: z.object({ from: DueSchema, to: DueSchema }) }),
    z.object({
      type: z.literal('recurring'),
      value: z.object({ every: z.enum(['day', 'week', 'month', 'quarter', 'half-year', 'year']), from: DueSchema.nullable() }),
    }),
    z.object({ type: z.literal('continuous'), value: z.null() }),
    z.object({ type: z.literal('term-years'), value: z.object({ years: z.array(z.number().int().positive()) }) }),
    z.object({ type: z.literal('relative'), value: z.object({ days: z.number().int(), to: z.literal('event') }) }),
    z.object({ type: z.literal('from'), value: DueSchema }),
  ]),
));

export const DocRefSchema = z.object({ kind: z.string().min(1), number: z.string().min(1), date: isoDate.nullable() });

export const ExtractionSchema = z.object({
  doc: z.string(),
  kind: z.string().nullable(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  date: isoDate.nullable(),
  title: z.string().nullable(),
  implements: z.array(DocRefSchema),
  references: z.array(DocRefSchema),
  deadlines: z.array(z.object({ text: z.string().min(1), due: DueSchema, what: z.enum(['task', 'report', 'event']) })),
  assignments: z.array(z.object({ lead: z.array(z.string()), support: z.array(z.string()) })),
  reports: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), via: z.string().nullable(), due: z.array(DueSchema) }),
  ),
  recipients: z.array(z.string()),
  signer: z.object({ capacity: z.string().nullable(), title: z.string().nullable(), name: z.string().nullable() }).nullable(),
});

export type ExtractionJson = z.infer<typeof ExtractionSchema>;
