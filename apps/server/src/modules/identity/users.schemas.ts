import { z } from 'zod';
import { UserStatus, limits, loginSchema, phoneSchema } from '@shuyuan/contracts';

export const User = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    status: UserStatus,
    roles: z.array(z.string()),
    mustChangePassword: z.boolean(),
    lockedUntil: z.date().nullable(),
    lastLoginAt: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

export const UserList = z.object({ items: z.array(User), total: z.number().int() }).meta({ id: 'UserList' });

export const UserQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  departmentId: z.uuid().optional(),
  role: z.string().max(64).optional(),
  status: UserStatus.optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const password = z.string().min(1).max(limits.passwordMax);

export const UserCreate = z
  .strictObject({
    login: loginSchema,
    displayName: z.string().trim().min(1).max(limits.displayNameMax),
    departmentId: z.uuid(),
    phone: phoneSchema.nullable().optional(),
    email: z.email().max(128).nullable().optional(),
    roles: z.array(z.string().max(64)).max(20).default([]),
    /** Omit to have an initial password generated; either way it must be changed at first login. */
    initialPassword: password.optional(),
  })
  .meta({ id: 'UserCreate' });

export const UserUpdate = z
  .strictObject({
    displayName: z.string().trim().min(1).max(limits.displayNameMax).optional(),
    departmentId: z.uuid().optional(),
    phone: phoneSchema.nullable().optional(),
    email: z.email().max(128).nullable().optional(),
    roles: z.array(z.string().max(64)).max(20).optional(),
    status: UserStatus.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'UserUpdate' });

export const UserWithPassword = z.object({ user: User, initialPassword: z.string() }).meta({ id: 'UserWithPassword' });
