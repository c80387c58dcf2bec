import type { components } from '@/api/schema.gen';

/** The API's named schemas, generated from the server's OpenAPI document (timestamps are ISO strings). */
type Schemas = components['schemas'];

/** A catalog entry (目录) with everything its page shows, and what the caller may do with it. */
export type CatalogEntry = Schemas['CatalogEntry'];

/** An entry as lists and search show it, with highlight pieces when the search had text. */
export type CatalogEntrySummary = Schemas['CatalogEntrySummary'];

/** A page of search results with facet counts. */
export type CatalogSearchResult = Schemas['CatalogSearchResult'];

/** One facet bucket: a value, its label (departments, Chinese code labels) and how many entries hold it. */
export type FacetBucket = CatalogSearchResult['facets'][string][number];

/** The editable content of an entry, as the server answers it (defaults filled in). */
export type CatalogContent = Schemas['CatalogEntryContent'];

/** One data item (信息项) of an entry. */
export type CatalogItem = Schemas['CatalogItemInput'];

/** What is sent to create an entry. */
export type CatalogEntryCreateInput = Schemas['CatalogEntryCreateInput'];

/** An action the API lets the caller take on an entry now. */
export type EntryAction = CatalogEntry['actions'][number];

/** One step of an entry's lifecycle. */
export type TimelineEvent = Schemas['CatalogTimelineEvent'];

/** A published version of an entry. */
export type EntryVersion = Schemas['CatalogEntryVersion'];

/** One difference between two versions. */
export type FieldChange = Schemas['CatalogFieldChange'];

/** What `GET /catalog/entries/{id}/diff` answers. */
export interface EntryDiff {
  from: string;
  to: string;
  changes: FieldChange[];
}

/** An information system (政务信息系统) in the registry. */
export type InfoSystem = Schemas['InfoSystem'];

/** Fields sent to register a system. */
export type InfoSystemCreateInput = Schemas['InfoSystemCreateInput'];

/** Changed fields of a system and the version they were read at. */
export type InfoSystemUpdateInput = Schemas['InfoSystemUpdateInput'];
