import { z } from 'zod';

/** Where a lower node receives the rows an upper node returns (回流), signed with the cascade link's secret. */
export const RETURN_PATH = '/api/v1/cascade/returns';

/** The most rows one batch carries. */
export const RETURN_BATCH_MAX = 10_000;

const columnName = z.string().min(1).max(128);

/**
 * One batch of a return flow: a run of a flow sends its region's rows in key order, batch after batch (`seq`
 * from 1), and then one `final` batch, after which the lower node drops the rows that run did not send.
 */
export const ReturnBatch = z.strictObject({
  flowId: z.uuid(),
  flowName: z.string().min(1).max(200),
  runId: z.uuid(),
  seq: z.number().int().min(1),
  entry: z.strictObject({ id: z.uuid(), code: z.string().min(1).max(100) }),
  regionPrefix: z.string().regex(/^\d{2,12}$/),
  key: columnName,
  columns: z
    .array(
      z.strictObject({
        name: columnName,
        type: z.enum(['char', 'int', 'decimal', 'date', 'datetime', 'time', 'bool', 'text', 'other']),
        dataType: z.string().max(100),
      }),
    )
    .min(1)
    .max(500),
  rows: z.array(z.array(z.string().nullable())).max(RETURN_BATCH_MAX),
  final: z.boolean(),
});
export type ReturnBatch = z.infer<typeof ReturnBatch>;

export const ReturnReceipt = z.object({ stored: z.number().int(), deleted: z.number().int() });
export type ReturnReceipt = z.infer<typeof ReturnReceipt>;
