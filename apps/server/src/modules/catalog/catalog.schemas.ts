import { z } from 'zod';
import {
  CatalogEntryContent,
  DataDomain,
  EntryStatus,
  FormatClass,
  MountStatus,
  OpenType,
  ResourceAttribute,
  SharingType,
  SystemStatus,
  UpdateCycle,
  limits,
  usccSchema,
} from '@shuyuan/contracts';

export const EntryContent = CatalogEntryContent.meta({ id: 'CatalogEntryContent' });

export const EntryCreate = CatalogEntryContent.extend({
  /** The provider department; the caller's own department when omitted. */
  departmentId: z.uuid().optional(),
}).meta({ id: 'CatalogEntryCreate' });

export const EntryUpdate = z
  .strictObject({
    content: CatalogEntryContent,
    version: z.number().int().min(1),
  })
  .meta({ id: 'CatalogEntryUpdate' });

export const VersionBody = z.strictObject({ version: z.number().int().min(1) }).meta({ id: 'CatalogVersionBody' });

export const ReviewBody = z
  .strictObject({
    decision: z.enum(['approve', 'return']),
    comment: z.string().trim().max(1000).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'CatalogReviewBody' });

export const RetireBody = z
  .strictObject({
    reason: z.string().trim().min(1).max(1000),
    version: z.number().int().min(1),
  })
  .meta({ id: 'CatalogRetireBody' });

export const EntryParams = z.strictObject({ id: z.uuid() });

const TextPiece = z.object({ text: z.string(), match: z.boolean() });

/** An entry as lists and search show it. */
export const EntrySummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    status: EntryStatus,
    mountStatus: MountStatus,
    resourceAttribute: ResourceAttribute,
    domain: DataDomain,
    sharingType: SharingType,
    sharingMethods: z.array(z.string()),
    openType: OpenType,
    updateCycle: UpdateCycle,
    formatClass: FormatClass,
    tags: z.array(z.string()),
    itemCount: z.number().int(),
    applyCount: z.number().int(),
    revision: z.number().int(),
    version: z.number().int(),
    hasPendingChange: z.boolean(),
    /** The region (GB/T 2260) of the node an entry is mirrored from; null for this node's own entries. */
    regionCode: z.string().nullable(),
    mirrored: z.boolean(),
    /** Not shared (不予共享), or backed by at least one mounted resource. */
    complete: z.boolean(),
    updatedAt: z.date(),
    publishedAt: z.date().nullable(),
    submittedAt: z.date().nullable(),
    /** Review deadline (5 working days from submission) while in review. */
    reviewDue: z.string().nullable(),
    reviewOverdue: z.boolean(),
    /** Deadline of the bureau's update request (10 working days), while one stands. */
    updateDue: z.string().nullable(),
    updateOverdue: z.boolean(),
    highlight: z.object({ name: z.array(TextPiece), summary: z.array(TextPiece) }).optional(),
  })
  .meta({ id: 'CatalogEntrySummary' });

export const SystemRef = z.object({ id: z.uuid(), name: z.string(), departmentName: z.string() });

/** One entry with everything the entry page shows. */
export const Entry = EntrySummary.extend({
  content: CatalogEntryContent,
  /** The change being compiled or reviewed, for the entry's own department and reviewers only. */
  pending: CatalogEntryContent.nullable(),
  systems: z.array(SystemRef),
  createdAt: z.date(),
  /** Why the bureau asked for an update (for the department and reviewers). */
  updateRequestReason: z.string().nullable(),
  /** What the caller may do now. */
  actions: z.array(z.enum(['edit', 'submit', 'withdraw', 'delete', 'review', 'retire', 'discard_change', 'request_update'])),
}).meta({ id: 'CatalogEntry' });

const facetBucket = z.object({ value: z.string(), label: z.string().optional(), count: z.number().int() });

export const facetNames = [
  'department',
  'resourceAttribute',
  'domain',
  'sharingType',
  'openType',
  'updateCycle',
  'formatClass',
  'mountStatus',
  'status',
] as const;

export const EntrySearchResult = z
  .object({
    items: z.array(EntrySummary),
    total: z.number().int(),
    facets: z.partialRecord(z.enum(facetNames), z.array(facetBucket)),
  })
  .meta({ id: 'CatalogSearchResult' });

const csv = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50)).optional();

export const EntryQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  /** `mine`: the caller's department subtree, drafts included; `review`: what awaits review. */
  scope: z.enum(['all', 'mine', 'review']).default('all'),
  departmentId: csv(z.uuid()),
  resourceAttribute: csv(ResourceAttribute),
  domain: csv(DataDomain),
  sharingType: csv(SharingType),
  openType: csv(OpenType),
  updateCycle: csv(UpdateCycle),
  formatClass: csv(FormatClass),
  mountStatus: csv(MountStatus),
  status: csv(EntryStatus),
  facets: z.enum(['true', 'false']).default('true'),
  sort: z.enum(['relevance', 'updated', 'applied', 'name']).default('relevance'),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(20),
  offset: z.coerce.number().int().min(0).max(limits.searchOffsetMax).default(0),
});
export type EntryQuery = z.infer<typeof EntryQuery>;

export const TimelineEvent = z
  .object({
    id: z.number().int(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    actorName: z.string(),
    comment: z.string().nullable(),
    at: z.date(),
  })
  .meta({ id: 'CatalogTimelineEvent' });

export const EntryVersion = z
  .object({ revision: z.number().int(), publishedAt: z.date(), publishedBy: z.string().nullable(), content: CatalogEntryContent })
  .meta({ id: 'CatalogEntryVersion' });

export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }).meta({ id: 'CatalogFieldChange' });

export const ChangeFeed = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        entryId: z.uuid(),
        code: z.string(),
        kind: z.enum(['published', 'changed', 'retired']),
        revision: z.number().int(),
        at: z.date(),
      }),
    ),
    next: z.number().int(),
  })
  .meta({ id: 'CatalogChangeFeed' });

export const ChangeQuery = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const InfoSystem = z
  .object({
    id: z.uuid(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    name: z.string(),
    status: SystemStatus,
    onGovCloud: z.boolean(),
    description: z.string(),
    entryCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'InfoSystem' });

export const InfoSystemCreate = z
  .strictObject({
    departmentId: z.uuid().optional(),
    name: z.string().trim().min(2).max(100),
    status: SystemStatus,
    onGovCloud: z.boolean().default(false),
    description: z.string().trim().max(1000).default(''),
  })
  .meta({ id: 'InfoSystemCreate' });

export const InfoSystemUpdate = z
  .strictObject({
    name: z.string().trim().min(2).max(100).optional(),
    status: SystemStatus.optional(),
    onGovCloud: z.boolean().optional(),
    description: z.string().trim().max(1000).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'InfoSystemUpdate' });

export const SystemQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  status: SystemStatus.optional(),
});

export const MountCreate = z
  .strictObject({
    sourceId: z.uuid(),
    /** The table (`schema.table` or `table`), or the API's or file's resource name as the source lists it. */
    resourceName: z.string().trim().min(1).max(300),
    /** Data item name → column, where the names do not already line up. */
    columnMap: z.record(z.string().max(100), z.string().max(128)).default({}),
  })
  .meta({ id: 'CatalogMountCreate' });

export const MountReview = z
  .strictObject({
    decision: z.enum(['approve', 'return']),
    comment: z.string().trim().max(1000).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'CatalogMountReview' });

const MountColumn = z.object({
  name: z.string(),
  normalizedType: z.string(),
  dataType: z.string().optional(),
  length: z.number().nullable().optional(),
});

export const MountDiff = z
  .object({
    matched: z.array(z.object({ item: z.string(), column: z.string(), itemType: z.string(), columnType: z.string() })),
    missing: z.array(z.object({ item: z.string(), expected: z.string() })),
    typeMismatch: z.array(z.object({ item: z.string(), column: z.string(), itemType: z.string(), columnType: z.string() })),
    extra: z.array(z.object({ column: z.string(), columnType: z.string() })),
    covers: z.boolean(),
  })
  .meta({ id: 'CatalogMountDiff' });

export const MountPreview = z
  .object({ kind: z.enum(['table', 'api', 'file']), columns: z.array(MountColumn), diff: MountDiff })
  .meta({ id: 'CatalogMountPreview' });

export const Mount = z
  .object({
    id: z.uuid(),
    entryId: z.uuid(),
    kind: z.enum(['table', 'api', 'file']),
    sourceId: z.uuid(),
    sourceName: z.string(),
    resourceName: z.string(),
    columnMap: z.record(z.string(), z.string()),
    diff: z.unknown(),
    status: z.enum(['in_review', 'returned', 'mounted', 'removed']),
    comment: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    reviewedAt: z.date().nullable(),
    /** What the caller may do with it now. */
    actions: z.array(z.enum(['review', 'remove'])),
  })
  .meta({ id: 'CatalogMount' });

const linkSecret = z.string().min(16).max(200);

export const NodeCreate = z
  .strictObject({
    /** How this install calls the other node, e.g. 南京市. */
    name: z.string().trim().min(2).max(50),
    /** `upper`: this node reports to it; `lower`: it reports to this node. */
    role: z.enum(['upper', 'lower']),
    baseUrl: z.url({ protocol: /^https?$/ }).max(500),
    /** The other node's region (GB/T 2260), which tags its entries here. */
    regionCode: z.string().regex(/^\d{6}$/, 'a six-digit division code'),
    /** The other node's data bureau (统一社会信用代码): the department its mirrored departments sit under. */
    agencyCode: usccSchema,
    /** The link's key and secret, the same at both ends. */
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{4,64}$/, 'letters, digits, dot, dash, underscore'),
    secret: linkSecret,
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'CascadeNodeCreate' });

export const NodeUpdate = z
  .strictObject({
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    enabled: z.boolean().optional(),
    secret: linkSecret.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'CascadeNodeUpdate' });

export const CascadeNode = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: z.enum(['upper', 'lower']),
    baseUrl: z.string(),
    regionCode: z.string(),
    key: z.string(),
    enabled: z.boolean(),
    rootDepartmentId: z.uuid().nullable(),
    queueLength: z.number().int(),
    lagSeconds: z.number(),
    lastSuccessAt: z.date().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.date().nullable(),
    receivedChanges: z.number().int(),
    lastReceivedAt: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'CascadeNode' });

export const UpdateRequestBody = z
  .strictObject({ reason: z.string().trim().min(1).max(1000), version: z.number().int().min(1) })
  .meta({ id: 'CatalogUpdateRequest' });

export const CatalogStats = z
  .object({
    byStatus: z.record(z.string(), z.number().int()),
    published: z.number().int(),
    publishedComplete: z.number().int(),
    reviewPending: z.number().int(),
    reviewOverdue: z.number().int(),
    updateRequested: z.number().int(),
    updateOverdue: z.number().int(),
  })
  .meta({ id: 'CatalogStats' });
