import { describe, expect, it } from 'vitest';
import { classItemOfDomain, emptyFormValues, formFieldPath, fromContent, toContentDraft } from '@/features/catalog/catalog-form-values';
import { checkContent } from '@/features/catalog/catalog-problems';
import { buildContent, zhT } from '@/features/catalog/catalog-test-helpers';

describe('compile form values', () => {
  it('gives saved content back unchanged after a round trip through the form', () => {
    const content = buildContent({ timeRangeFrom: '2020-01-01', relatedCodes: ['302001/000001'] });
    const checked = checkContent(zhT, toContentDraft(fromContent(content)));
    expect(checked.problems).toEqual([]);
    expect(checked.content).toEqual(content);
  });

  it('shows nulls as empty inputs and sends empty inputs as nulls', () => {
    const values = fromContent(buildContent());
    expect(values.openCondition).toBe('');
    expect(values.items?.[1]?.nameEn).toBe('');
    const draft = toContentDraft({ ...values, summary: '  摘要  ', items: [{ ...values.items![0]!, description: '  ', nameEn: ' ' }] });
    expect(draft.summary).toBe('摘要');
    expect((draft.items as { description: unknown; nameEn: unknown }[])[0]).toMatchObject({ description: null, nameEn: null });
  });

  it('keeps conditional fields only where they apply', () => {
    const values = {
      ...fromContent(buildContent()),
      sharingType: 'unconditional' as const,
      sharingCondition: 'left over from before',
      openType: 'none' as const,
      openCondition: 'left over',
      updateCycle: 'daily' as const,
      updateCycleNote: 'left over',
    };
    expect(toContentDraft(values)).toMatchObject({ sharingCondition: null, openCondition: null, updateCycleNote: null });
    expect(toContentDraft({ ...values, sharingType: 'none', sharingMethods: ['api'] })).toMatchObject({ sharingMethods: [] });
    expect(toContentDraft({ ...values, updateCycle: 'other', updateCycleNote: ' 每届换届后 ' })).toMatchObject({
      updateCycleNote: '每届换届后',
    });
  });

  it('drops empty and repeated tags', () => {
    expect(toContentDraft({ ...emptyFormValues(), tags: [' 人口 ', '', '人口', '户籍'] }).tags).toEqual(['人口', '户籍']);
  });

  it('starts a new entry with everything but what only the officer knows', () => {
    const checked = checkContent(zhT, toContentDraft(emptyFormValues()));
    const fields = new Set(checked.problems.map((p) => p.path.join('.')));
    expect([...fields].sort()).toEqual(['classItem', 'classTopic', 'domain', 'formatType', 'items.0.name', 'name', 'summary'].sort());
  });

  it('suggests the classification item from the domain', () => {
    expect(classItemOfDomain('public_security')).toBe('02');
    expect(classItemOfDomain('health')).toBe('17');
  });
});

describe('formFieldPath', () => {
  it('finds the input that shows a problem', () => {
    expect(formFieldPath(['summary'])).toEqual(['summary']);
    expect(formFieldPath(['relatedCodes', 2])).toEqual(['relatedCodes']);
    expect(formFieldPath(['items', 3, 'precision'])).toEqual(['items', 3, 'precision']);
    expect(formFieldPath(['items'])).toBeNull();
    expect(formFieldPath(['items', 3])).toBeNull();
    expect(formFieldPath(['departmentIdx'])).toBeNull();
  });
});
