import { describe, expect, it } from 'vitest';
import { JobCreate } from '@shuyuan/contracts';
import { draftOf, toField } from './exchange-job-draft';
import type { JobForm } from './exchange-job-schedule-fields';

const ENTRY = '0e1f4a52-1c1d-4d7e-9a59-6b1c8c1f0a01';
const NODE = '5b8f1e0c-7a4e-4b1f-8d0a-2f7c9e3d4b02';
const MOUNT = '9d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c03';

/** What the form holds after a user filled in one kind, with the other kinds' leftovers it never clears. */
const filled = (values: Partial<JobForm>): JobForm => ({
  kind: 'aggregate',
  mode: 'incremental',
  schedule: 'cron',
  cron: ' 0 2 * * * ',
  detectDeletes: false,
  batchSize: 2000,
  entryId: ENTRY,
  mountId: MOUNT,
  keyColumn: 'id',
  watermarkColumn: 'updated_at',
  targetTable: 'people',
  ...values,
});

describe('the new-job form as a request', () => {
  it('sends a return flow with its node, region and schedule only: no mode, no delete detection, no leftovers', () => {
    const draft = draftOf(filled({ kind: 'return', nodeId: NODE, regionColumn: 'xzqh', regionPrefix: ' 3201 ', name: '  ' }));
    expect(draft).toEqual({
      kind: 'return',
      entryId: ENTRY,
      nodeId: NODE,
      regionColumn: 'xzqh',
      regionPrefix: '3201',
      name: undefined,
      schedule: 'cron',
      cron: '0 2 * * *',
      batchSize: 2000,
    });
    // The contracts' schema is strict: what the form sends, the server takes.
    expect(JobCreate.safeParse(draft).success).toBe(true);
  });

  it("leaves an emptied prefix out, so the server takes the node's region", () => {
    const draft = draftOf(filled({ kind: 'return', nodeId: NODE, regionColumn: 'xzqh', regionPrefix: '' }));
    expect(draft).not.toHaveProperty('regionPrefix', '');
    expect(JobCreate.safeParse(draft)).toMatchObject({ success: true, data: { regionPrefix: undefined } });
  });

  it('keeps mode and delete detection for an aggregation, and the cron only for a cron schedule', () => {
    const draft = draftOf(filled({ schedule: 'manual' }));
    expect(draft).toMatchObject({
      kind: 'aggregate',
      mode: 'incremental',
      detectDeletes: false,
      cron: null,
      watermarkColumn: 'updated_at',
    });
    expect(JobCreate.safeParse(draft).success).toBe(true);
  });

  it("shows a return flow's problems at its fields", () => {
    expect(toField(['regionPrefix'])).toEqual(['regionPrefix']);
    expect(toField(['nodeId'])).toEqual(['nodeId']);
    expect(toField(['columns', 3])).toEqual(['columns']);
    expect(toField(['version'])).toBeNull();
  });
});
