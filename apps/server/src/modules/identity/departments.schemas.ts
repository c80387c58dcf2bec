import { z } from 'zod';
import { AdminLevel, divisionCodeSchema, limits, usccSchema } from '@shuyuan/contracts';

export const Department = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    level: AdminLevel,
    divisionCode: z.string(),
    agencyCode: z.string(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Department' });

export const DepartmentCreate = z
  .strictObject({
    parentId: z.uuid().nullable().optional(),
    name: z.string().trim().min(2).max(limits.departmentNameMax),
    shortName: z.string().trim().max(limits.departmentNameMax).nullable().optional(),
    level: AdminLevel,
    divisionCode: divisionCodeSchema,
    agencyCode: usccSchema,
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .meta({ id: 'DepartmentCreate' });

export const DepartmentUpdate = z
  .strictObject({
    parentId: z.uuid().nullable().optional(),
    name: z.string().trim().min(2).max(limits.departmentNameMax).optional(),
    shortName: z.string().trim().max(limits.departmentNameMax).nullable().optional(),
    level: AdminLevel.optional(),
    divisionCode: divisionCodeSchema.optional(),
    agencyCode: usccSchema.optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'DepartmentUpdate' });

export const IdParams = z.strictObject({ id: z.uuid() });
