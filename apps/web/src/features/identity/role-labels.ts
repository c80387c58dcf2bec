import { BuiltinRole } from '@shuyuan/contracts';
import type { Translate } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

const builtinRoles = new Set<string>(BuiltinRole.options);

/**
 * The name of a role known only by its code (as `/auth/me` gives it), for users who may not list
 * roles: built-in roles by name, custom ones by code.
 */
export function roleCodeLabel(code: string, t: Translate): string {
  return builtinRoles.has(code) ? t(`role.builtin.${code}` as MessageKey) : code;
}
