import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { entryContent } from '../../../test/catalog-fixtures';
import { writeTemplate, type ExportEntry } from './template';

describe('writeTemplate', () => {
  it('stops reading pages and fails once the output is gone (a cancelled download)', async () => {
    const out = new PassThrough();
    out.on('data', () => out.destroy());
    let read = 0;
    async function* pages(): AsyncIterable<ExportEntry[]> {
      for (let i = 0; i < 50; i++) {
        read++;
        yield Array.from({ length: 20 }, () => ({ content: entryContent(), departmentName: '省公安厅' }));
      }
    }
    await expect(writeTemplate(out, pages)).rejects.toThrow(/cancelled/);
    expect(read).toBeLessThan(50);
  });
});
