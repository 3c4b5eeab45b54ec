/**
 * zod schema of the family F part of a `.jxmb` project (`project.department`, shared/model/department.ts).
 * Kept apart from schema.ts so the two evolve independently; files without the field load as before.
 */
import { z } from 'zod';

const text = z.string().max(100_000);

/** Same shape as schema.ts's indicatorValueSchema (not imported: schema.ts imports this file). */
const indicatorValueSchema = z.object({
  raw: text,
  kind: z.enum(['quantitative', 'qualitative', 'empty']),
  operator: z.enum(['≥', '≤', '＝', '>', '<']).nullable(),
  number: z.number().finite().nullable(),
  unit: z.string().max(1000).nullable(),
});

export const departmentSchema = z.object({
  overallGoal: text,
  itemGoalsText: text,
  itemGoals: z
    .array(
      z.object({
        duty: text,
        tasks: z
          .array(z.object({ task: text, indicators: z.array(z.object({ name: text, value: indicatorValueSchema })).max(1_000) }))
          .max(1_000),
      }),
    )
    .max(1_000)
    .nullable(),
  safeguards: text,
});
