import type { components } from '@/api/schema.gen';

/** The API's named schemas, generated from the server's OpenAPI document (timestamps are ISO strings). */
type Schemas = components['schemas'];

/** A resource mounted (挂接) to a catalog entry: a table, API or file of a data source, and its review. */
export type Mount = Schemas['CatalogMount'];

/** A mount's own status: in review (待审核), returned (已退回), mounted (已挂接); removed ones are not listed. */
export type MountState = Mount['status'];

/** What is sent to preview or request a mount: the source, its resource, item → column where names differ. */
export type MountInput = Schemas['CatalogMountCreate'];

/** How the entry's data items line up with the resource's columns. */
export type MountDiff = Schemas['CatalogMountDiff'];

/** The preview of a mount: the resource's kind and columns, and the comparison. */
export type MountPreview = Schemas['CatalogMountPreview'];

/** A reviewer's decision on a requested mount. */
export type MountReviewInput = Schemas['CatalogMountReview'];
