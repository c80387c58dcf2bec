import { z } from 'zod';

const permissionList = z.array(z.string().max(100)).max(200);

export const Role = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    description: z.string(),
    builtin: z.boolean(),
    permissions: z.array(z.string()),
    userCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Role' });

export const RoleCreate = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]{2,47}$/, 'lower-case letters, digits and underscores'),
    nameZh: z.string().trim().min(1).max(64),
    nameEn: z.string().trim().min(1).max(64),
    description: z.string().max(500).optional(),
    permissions: permissionList,
  })
  .meta({ id: 'RoleCreate' });

export const RoleUpdate = z
  .strictObject({
    nameZh: z.string().trim().min(1).max(64).optional(),
    nameEn: z.string().trim().min(1).max(64).optional(),
    description: z.string().max(500).optional(),
    permissions: permissionList.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'RoleUpdate' });

export const PermissionInfo = z
  .object({ name: z.string(), descriptionZh: z.string(), descriptionEn: z.string() })
  .meta({ id: 'PermissionInfo' });
