import { describe, expect, it } from 'vitest';
import { ErrorCode, contentProblems } from '@shuyuan/contracts';
import { ApiError } from '@/api/client';
import { formFieldPath } from '@/features/catalog/catalog-form-values';
import { checkContent, groupProblems, isKnownReason, pathOf, problemsFromError, reasonText } from '@/features/catalog/catalog-problems';
import { buildContent, zhT } from '@/features/catalog/catalog-test-helpers';

describe('pathOf', () => {
  it('turns dotted and slashed paths into form name paths, dropping the request wrapper', () => {
    expect(pathOf('items.0.name')).toEqual(['items', 0, 'name']);
    expect(pathOf('content.items.12.length')).toEqual(['items', 12, 'length']);
    expect(pathOf('/content/summary')).toEqual(['summary']);
    expect(pathOf('sharingCondition')).toEqual(['sharingCondition']);
  });
});

describe('reasons of the compile rules', () => {
  it('has a translation for every reason contentProblems can give', () => {
    const broken = [
      buildContent({ sharingType: 'conditional', sharingCondition: null }),
      buildContent({ sharingType: 'none', sharingCondition: null, sharingMethods: ['api'] }),
      buildContent({ sharingType: 'unconditional', sharingMethods: [] }),
      buildContent({ sharingMethods: ['api', 'api'] }),
      buildContent({ formatClass: 'document', sharingMethods: ['table'] }),
      buildContent({ openType: 'conditional', openCondition: '' }),
      buildContent({ updateCycle: 'other', updateCycleNote: null }),
      buildContent({ timeRangeFrom: '2026-02-01', timeRangeTo: '2026-01-01' }),
      buildContent({
        items: [
          { name: '金额', dataType: 'decimal', length: 4, precision: 6, primaryKey: false, timestamp: false, sensitive: false },
          { name: '金 额', dataType: 'char', length: null, primaryKey: false, timestamp: false, sensitive: false },
        ],
      }),
    ];
    const reasons = new Set(broken.flatMap((content) => contentProblems(content).map((p) => p.reason)));
    expect(reasons.size).toBeGreaterThanOrEqual(12);
    for (const reason of reasons) expect(isKnownReason(reason), reason).toBe(true);
  });

  it('shows an unknown reason as the server wrote it', () => {
    expect(reasonText(zhT, 'no such system: x')).toBe('no such system: x');
    expect(reasonText(zhT, 'character items need a length')).toBe('字符型信息项须填写长度');
  });
});

describe('problemsFromError', () => {
  it('maps the rules’ problems of a 400 onto fields', () => {
    const error = new ApiError(400, ErrorCode.ValidationFailed, '请求参数不合法', {
      problems: [
        { field: 'sharingCondition', reason: 'conditional sharing needs its condition' },
        { field: 'items.1.length', reason: 'character items need a length' },
      ],
    });
    expect(problemsFromError(zhT, error)).toEqual([
      { path: ['sharingCondition'], message: '有条件共享须填写共享条件' },
      { path: ['items', 1, 'length'], message: '字符型信息项须填写长度' },
    ]);
  });

  it('maps schema issues of the body, without the content wrapper', () => {
    const error = new ApiError(400, ErrorCode.ValidationFailed, '', {
      issues: [
        { in: 'body', path: 'content.items.0.nameEn', code: 'invalid_format', message: 'Invalid string' },
        { in: 'params', path: 'id', code: 'invalid_format', message: 'Invalid UUID' },
      ],
    });
    expect(problemsFromError(zhT, error)).toEqual([{ path: ['items', 0, 'nameEn'], message: '格式不正确' }]);
  });

  it('maps a duplicate name and a single field reason', () => {
    expect(problemsFromError(zhT, new ApiError(409, ErrorCode.Duplicate, '', { field: 'name' }))).toEqual([
      { path: ['name'], message: '已有同名的目录' },
    ]);
    expect(
      problemsFromError(zhT, new ApiError(400, ErrorCode.ValidationFailed, '', { field: 'departmentId', reason: 'no such department' })),
    ).toEqual([{ path: ['departmentId'], message: 'no such department' }]);
  });

  it('leaves errors that are not about fields to the caller', () => {
    expect(problemsFromError(zhT, new ApiError(409, ErrorCode.VersionConflict, '', { current: {} }))).toBeNull();
    expect(problemsFromError(zhT, new ApiError(403, ErrorCode.Forbidden, ''))).toBeNull();
    expect(problemsFromError(zhT, new ApiError(400, ErrorCode.ValidationFailed, '', {}))).toBeNull();
    expect(problemsFromError(zhT, new Error('boom'))).toBeNull();
  });
});

describe('groupProblems with the compile form’s fields', () => {
  it('groups messages per field and keeps what no field shows apart', () => {
    const grouped = groupProblems(
      [
        { path: ['sharingMethods'], message: 'a' },
        { path: ['sharingMethods'], message: 'b' },
        { path: ['sharingMethods'], message: 'a' },
        { path: ['tags', 3], message: 'c' },
        { path: ['items', 2, 'length'], message: 'd' },
        { path: ['items'], message: 'e' },
        { path: ['unknown'], message: 'f' },
        { path: [], message: 'g' },
      ],
      formFieldPath,
    );
    expect(grouped.fields).toEqual([
      { name: ['sharingMethods'], errors: ['a', 'b'] },
      { name: ['tags'], errors: ['c'] },
      { name: ['items', 2, 'length'], errors: ['d'] },
    ]);
    expect(grouped.general.map((p) => p.message)).toEqual(['e', 'f', 'g']);
  });
});

describe('checkContent', () => {
  it('accepts valid content as the server would, trimmed', () => {
    const result = checkContent(zhT, { ...buildContent(), name: '  居民户籍登记信息 ' });
    expect(result.problems).toEqual([]);
    expect(result.content?.name).toBe('居民户籍登记信息');
  });

  it('refuses a bad shape with the field and a Chinese message', () => {
    const result = checkContent(zhT, buildContent({ name: '长'.repeat(101), classTopic: '1' }));
    expect(result.content).toBeNull();
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: ['name'], message: '不能超过 100 个字符' },
        { path: ['classTopic'], message: '格式不正确' },
      ]),
    );
  });

  it('refuses content that breaks the compile rules', () => {
    const result = checkContent(zhT, buildContent({ sharingType: 'none', sharingCondition: '', sharingMethods: [] }));
    expect(result.problems).toEqual([{ path: ['sharingCondition'], message: '不予共享须填写法律法规或政策依据' }]);
  });

  it('refuses an entry without data items', () => {
    const result = checkContent(zhT, buildContent({ items: [] }));
    expect(result.problems).toEqual([{ path: ['items'], message: '至少 1 项' }]);
  });
});
