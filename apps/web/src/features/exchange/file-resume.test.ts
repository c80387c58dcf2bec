import { describe, expect, it } from 'vitest';
import { matchingUpload, resumeProblem } from './file-resume';

const target = { fileName: '企业名录.csv', size: 600_000, sm3: 'a'.repeat(64) };

describe('resuming an unfinished upload', () => {
  it('takes only a file of the same name and size before hashing it', () => {
    expect(resumeProblem({ name: '企业名录.csv', size: 600_000 }, target)).toBeNull();
    expect(resumeProblem({ name: '企业名录 (1).csv', size: 600_000 }, target)).toBe('name');
    expect(resumeProblem({ name: '企业名录.csv', size: 600_001 }, target)).toBe('size');
  });

  it("finds the newest unfinished upload of the same name, size and SM3 in the server's list", () => {
    const uploads = [
      { id: 'old', ...target, createdAt: '2026-11-20T08:00:00.000Z' },
      { id: 'new', ...target, createdAt: '2026-11-21T08:00:00.000Z' },
      { id: 'other-sm3', ...target, sm3: 'b'.repeat(64), createdAt: '2026-11-22T08:00:00.000Z' },
      { id: 'other-name', ...target, fileName: 'x.csv', createdAt: '2026-11-22T08:00:00.000Z' },
    ];
    expect(matchingUpload(uploads, target)?.id).toBe('new');
    expect(matchingUpload(uploads, { ...target, size: 1 })).toBeUndefined();
    expect(matchingUpload([], target)).toBeUndefined();
  });
});
