import type { Lang } from '@/i18n/messages';

/** Readable names of the audit actions the platform writes today; others show their raw name. */
const actionLabels: Record<string, { zh: string; en: string }> = {
  'auth.login': { zh: '登录', en: 'Log in' },
  'auth.login.failed': { zh: '登录失败', en: 'Failed login' },
  'auth.lockout': { zh: '账号锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出登录', en: 'Log out' },
  'auth.logout_all': { zh: '退出所有设备', en: 'Log out everywhere' },
  'auth.password.change': { zh: '修改密码', en: 'Change password' },
  'identity.user.create': { zh: '创建用户', en: 'Create user' },
  'identity.user.update': { zh: '修改用户', en: 'Update user' },
  'identity.user.reset_password': { zh: '重置密码', en: 'Reset password' },
  'identity.user.unlock': { zh: '解锁用户', en: 'Unlock user' },
  'identity.role.create': { zh: '创建角色', en: 'Create role' },
  'identity.role.update': { zh: '修改角色', en: 'Update role' },
  'identity.role.delete': { zh: '删除角色', en: 'Delete role' },
  'identity.department.create': { zh: '创建部门', en: 'Create department' },
  'identity.department.update': { zh: '修改部门', en: 'Update department' },
  'identity.department.delete': { zh: '删除部门', en: 'Delete department' },
  'identity.app.create': { zh: '创建应用', en: 'Create application' },
  'identity.app.update': { zh: '修改应用', en: 'Update application' },
  'identity.app.secret.create': { zh: '新增应用密钥', en: 'Add application secret' },
  'identity.app.secret.revoke': { zh: '吊销应用密钥', en: 'Revoke application secret' },
  'identity.token.create': { zh: '创建访问令牌', en: 'Create access token' },
  'identity.token.revoke': { zh: '吊销访问令牌', en: 'Revoke access token' },
};

/** The label of an audit action in the given language, or the raw action when unknown. */
export function auditActionLabel(action: string, lang: Lang): string {
  return actionLabels[action]?.[lang] ?? action;
}
