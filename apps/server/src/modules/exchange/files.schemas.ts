import { z } from 'zod';

/** An upload in progress or ended: which chunks arrived and which are missing. */
export const FileUpload = z
  .object({
    id: z.uuid(),
    entryId: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sm3: z.string(),
    chunkSize: z.number().int(),
    chunkCount: z.number().int(),
    received: z.array(z.number().int()).describe('Chunks received and checked'),
    missing: z.array(z.number().int()).describe('Chunks still to send: a resumed upload sends these'),
    status: z.enum(['uploading', 'complete', 'failed', 'abandoned', 'expired']),
    failure: z.string().nullable(),
    fileId: z.uuid().nullable(),
    expiresAt: z.date(),
    createdAt: z.date(),
  })
  .meta({ id: 'FileUpload' });

/** The short answer to one chunk received. */
export const FileChunkReceipt = z
  .object({
    uploadId: z.uuid(),
    index: z.number().int(),
    size: z.number().int(),
    sm3: z.string(),
    receivedCount: z.number().int().describe('Chunks received so far (GET the upload for which are missing)'),
    chunkCount: z.number().int(),
  })
  .meta({ id: 'FileChunkReceipt' });

/** An unfinished upload as an entry lists it (to resume from any browser, or abandon), with who started it. */
export const FileUploadSummary = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    size: z.number().int(),
    sm3: z.string(),
    chunkSize: z.number().int(),
    chunkCount: z.number().int(),
    receivedCount: z.number().int(),
    createdBy: z.uuid().nullable().describe('The user who started the upload'),
    createdByName: z.string().nullable().describe("That user's display name"),
    createdAt: z.date(),
    expiresAt: z.date(),
  })
  .meta({ id: 'FileUploadSummary' });

/** A download link as a version's list shows it (never its token), with why it stopped when its grant did. */
export const FileLinkSummary = z
  .object({
    id: z.uuid(),
    departmentName: z.string(),
    grantId: z.uuid().nullable(),
    expiresAt: z.date(),
    maxDownloads: z.number().int().nullable(),
    downloads: z.number().int(),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
    live: z.boolean().describe('Whether the link downloads now, as the download judges it'),
    stoppedByGrant: z
      .enum(['ended', 'revoked'])
      .nullable()
      .describe(
        "Whether the grant behind the link stopped it, at or before the link's own expiry: its validity period ended, or it was revoked; null otherwise",
      ),
  })
  .meta({ id: 'FileLinkSummary' });

/** One version of an entry's exchange file. */
export const ExchangeFile = z
  .object({
    id: z.uuid(),
    entryId: z.uuid(),
    version: z.number().int(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sm3: z.string(),
    note: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'ExchangeFile' });

/** A link just made: the only time its address is shown. */
export const FileLink = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The download path; anyone holding it may download until it expires'),
    expiresAt: z.date(),
    maxDownloads: z.number().int().nullable(),
  })
  .meta({ id: 'FileLink' });
