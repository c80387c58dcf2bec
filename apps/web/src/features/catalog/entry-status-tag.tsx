import { Tag } from 'antd';
import { codeLabel, entryStatusColor, mountStatusColor } from '@/features/catalog/catalog-labels';
import { useT } from '@/i18n/lang-provider';

/** An entry's lifecycle status as a coloured tag (草稿, 待审核, 已发布…). */
export function EntryStatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <Tag color={entryStatusColor[status] ?? 'default'} data-testid="entry-status" data-status={status}>
      {codeLabel(t, 'entryStatus', status)}
    </Tag>
  );
}

/** Whether the real resource behind an entry is mounted (挂接). */
export function MountStatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={mountStatusColor[status] ?? 'default'}>{codeLabel(t, 'mountStatus', status)}</Tag>;
}
