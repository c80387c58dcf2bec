import { Checkbox, Flex, Typography } from 'antd';
import type { PermissionInfo } from '@/features/identity/identity-types';
import { permissionDescription } from '@/features/identity/use-roles';
import { useLang, useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

const knownGroups = new Set(['platform', 'portal', 'identity', 'audit', 'catalog', 'exchange']);

/** Groups permissions by the first segment of their dotted name (`identity.user.read` → identity). */
function groupPermissions(permissions: readonly PermissionInfo[]): [string, PermissionInfo[]][] {
  const groups = new Map<string, PermissionInfo[]>();
  for (const permission of permissions) {
    const group = permission.name.split('.')[0] ?? permission.name;
    groups.set(group, [...(groups.get(group) ?? []), permission]);
  }
  return [...groups.entries()];
}

/** Checkboxes for a role's permissions, one group per domain with a select-all box; a Form control. */
export function PermissionChecklist({
  permissions,
  value = [],
  onChange,
  disabled,
}: {
  permissions: readonly PermissionInfo[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const selected = new Set(value);

  const setGroup = (names: string[], on: boolean) => {
    const next = new Set(selected);
    for (const name of names) {
      if (on) next.add(name);
      else next.delete(name);
    }
    onChange?.([...next].sort());
  };

  return (
    <Flex vertical gap={16}>
      {groupPermissions(permissions).map(([group, items]) => {
        const names = items.map((p) => p.name);
        const count = names.filter((name) => selected.has(name)).length;
        return (
          <div key={group} data-testid={`permission-group-${group}`}>
            <Checkbox
              checked={count === names.length}
              indeterminate={count > 0 && count < names.length}
              disabled={disabled}
              onChange={(e) => setGroup(names, e.target.checked)}
            >
              <Typography.Text strong>{knownGroups.has(group) ? t(`permissionGroup.${group}` as MessageKey) : group}</Typography.Text>
            </Checkbox>
            <Flex vertical gap={4} style={{ paddingInlineStart: 24, marginTop: 6 }}>
              {items.map((permission) => (
                <Checkbox
                  key={permission.name}
                  checked={selected.has(permission.name)}
                  disabled={disabled}
                  onChange={(e) => setGroup([permission.name], e.target.checked)}
                >
                  {permissionDescription(permission, lang)}{' '}
                  <Typography.Text type="secondary" code>
                    {permission.name}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}
