import { CatalogEntryContent, CatalogItemInput } from '@shuyuan/contracts';

interface LengthCheck {
  _zod: { def: { check: string; maximum?: number } };
}

/** The largest length an array schema allows (zod keeps it among the schema's checks). */
function arrayMax(schema: { def: { checks?: readonly unknown[] } }, fallback: number): number {
  const check = (schema.def.checks ?? []).find((c) => (c as LengthCheck)._zod?.def.check === 'max_length') as LengthCheck | undefined;
  return check?._zod.def.maximum ?? fallback;
}

const content = CatalogEntryContent.shape;
const item = CatalogItemInput.shape;

/**
 * The compile form's limits, read from the schema the server validates with (@shuyuan/contracts),
 * so the inputs stop where the server would refuse.
 */
export const catalogLimits = {
  nameMin: content.name.minLength ?? 2,
  nameMax: content.name.maxLength ?? 100,
  summaryMax: content.summary.maxLength ?? 2000,
  formatTypeMax: content.formatType.maxLength ?? 40,
  conditionMax: content.sharingCondition.unwrap().unwrap().maxLength ?? 1000,
  openConditionMax: content.openCondition.unwrap().unwrap().maxLength ?? 1000,
  updateCycleNoteMax: content.updateCycleNote.unwrap().unwrap().maxLength ?? 200,
  tagMax: content.tags.unwrap().element.maxLength ?? 20,
  tagsMax: arrayMax(content.tags.unwrap(), 20),
  relatedCodesMax: arrayMax(content.relatedCodes.unwrap(), 50),
  systemsMax: arrayMax(content.systemIds.unwrap(), 20),
  itemsMax: arrayMax(content.items, 500),
  itemNameMax: item.name.maxLength ?? 100,
  itemNameEnMax: item.nameEn.unwrap().unwrap().maxLength ?? 100,
  itemDescriptionMax: item.description.unwrap().unwrap().maxLength ?? 500,
  itemLengthMax: item.length.unwrap().unwrap().maxValue ?? 65535,
  itemPrecisionMax: item.precision.unwrap().unwrap().maxValue ?? 38,
} as const;
