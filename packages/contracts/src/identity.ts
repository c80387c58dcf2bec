import { z } from 'zod';
import { isValidDivisionCode, isValidUscc } from './identifiers';

/** 行政层级 administrative level of a department or install. */
export const AdminLevel = z.enum(['province', 'city', 'county']);
export type AdminLevel = z.infer<typeof AdminLevel>;

/** Account status of a user. */
export const UserStatus = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

/** Codes of the built-in roles seeded at first start. */
export const BuiltinRole = z.enum([
  'platform_admin',
  'bureau_reviewer',
  'data_officer',
  'department_user',
  'developer',
  'analyst',
  'auditor',
]);
export type BuiltinRole = z.infer<typeof BuiltinRole>;

/** Limits shared by forms and the server, so both refuse the same input. */
export const limits = {
  loginMin: 3,
  loginMax: 64,
  displayNameMax: 64,
  departmentNameMax: 100,
  passwordMin: 10,
  passwordMax: 128,
  passwordClassesMin: 3,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  tokenNameMax: 64,
  appNameMax: 100,
  descriptionMax: 500,
  maxActiveSecrets: 2,
  pageSizeMax: 500,
  /** The deepest offset a catalog search pages to; beyond it, narrow the search. */
  searchOffsetMax: 10_000,
  bodyLimitBytes: 1024 * 1024,
} as const;

/** Counts the character classes (lower, upper, digit, other) a password uses. */
export function passwordClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^a-zA-Z0-9]/.test(password)) classes++;
  return classes;
}

/** Why a password breaks the policy, or null when it meets it. */
export function passwordPolicyViolation(
  password: string,
  login?: string,
): 'too_short' | 'too_long' | 'too_few_classes' | 'contains_login' | null {
  if (password.length < limits.passwordMin) return 'too_short';
  if (password.length > limits.passwordMax) return 'too_long';
  if (passwordClasses(password) < limits.passwordClassesMin) return 'too_few_classes';
  if (login && login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) return 'contains_login';
  return null;
}

export const loginSchema = z
  .string()
  .min(limits.loginMin)
  .max(limits.loginMax)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, underscore and hyphen only');

/** 统一社会信用代码 with its check digit validated. */
export const usccSchema = z.string().refine(isValidUscc, { message: 'invalid unified social credit code (check digit)' });

/** GB/T 2260 division code. */
export const divisionCodeSchema = z.string().refine(isValidDivisionCode, { message: 'invalid GB/T 2260 division code' });

export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, 'mobile number of 11 digits');
