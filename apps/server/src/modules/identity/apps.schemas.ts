import { z } from 'zod';
import { limits } from '@shuyuan/contracts';

export const AppSecretInfo = z
  .object({ id: z.uuid(), hint: z.string(), createdAt: z.date(), revokedAt: z.date().nullable() })
  .meta({ id: 'AppSecretInfo' });

export const ClientApp = z
  .object({
    id: z.uuid(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    name: z.string(),
    appKey: z.string(),
    description: z.string(),
    status: z.enum(['active', 'disabled']),
    secrets: z.array(AppSecretInfo),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ClientApp' });

/** A secret as shown once, at creation. */
export const NewAppSecret = z
  .object({ id: z.uuid(), secret: z.string(), hint: z.string(), createdAt: z.date() })
  .meta({ id: 'NewAppSecret' });

export const ClientAppCreate = z
  .strictObject({
    departmentId: z.uuid(),
    name: z.string().trim().min(2).max(limits.appNameMax),
    description: z.string().max(limits.descriptionMax).optional(),
  })
  .meta({ id: 'ClientAppCreate' });

export const ClientAppUpdate = z
  .strictObject({
    name: z.string().trim().min(2).max(limits.appNameMax).optional(),
    description: z.string().max(limits.descriptionMax).optional(),
    status: z.enum(['active', 'disabled']).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'ClientAppUpdate' });

export const AppQuery = z.strictObject({ departmentId: z.uuid().optional() });
export const SecretParams = z.strictObject({ id: z.uuid(), secretId: z.uuid() });
