import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography } from 'antd';
import { reasonText } from '@/features/catalog/catalog-problems';
import type { ImportError } from '@/features/catalog/use-catalog-import';
import { useT, type Translate } from '@/i18n/lang-provider';
import { messages } from '@/i18n/messages';

/** An error in the user's language: a compile rule's own reason, else its kind; the server's reason when neither is known. */
export function importErrorText(t: Translate, error: ImportError): string {
  if (error.kind === 'content_rule') return reasonText(t, error.reason);
  const key = `catalog.import.kind.${error.kind}` as const;
  // A kind newer than this page is shown as the server words it.
  return key in messages.zh ? t(key) : error.reason;
}

/** Marks each error row for browser tests, with where it is. */
function rowAttributes(error: ImportError): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'import-error-row',
    'data-sheet': error.sheet ?? '',
    'data-row': error.row === null ? '' : String(error.row),
    'data-column': error.column ?? '',
    'data-kind': error.kind,
  };
  return attributes;
}

/** Orders errors as the file reads: sheets in the order the server reported them (目录信息 before 信息项), then by row. */
const byPlace = (sheets: string[]) => (a: ImportError, b: ImportError) =>
  sheets.indexOf(a.sheet ?? '') - sheets.indexOf(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0);

/** Every error of a failed import: where it is (sheet, row, column) and what is wrong, sortable and filterable by sheet. */
export function ImportErrorsTable({ errors }: { errors: ImportError[] }) {
  const t = useT();
  const sheets = [...new Set(errors.map((e) => e.sheet ?? ''))];
  return (
    <Table<ImportError>
      rowKey={(error) => `${error.sheet}/${error.row}/${error.column}/${error.kind}/${error.reason}`}
      size="small"
      dataSource={errors}
      onRow={rowAttributes}
      pagination={{
        defaultPageSize: 50,
        showSizeChanger: true,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      data-testid="import-errors"
      columns={[
        {
          title: t('catalog.import.col.sheet'),
          dataIndex: 'sheet',
          width: 120,
          render: (sheet: string | null) => sheet ?? '—',
          filters: sheets.map((sheet) => ({ text: sheet || '—', value: sheet })),
          onFilter: (value, error) => (error.sheet ?? '') === value,
          sorter: byPlace(sheets),
          defaultSortOrder: 'ascend',
        },
        {
          title: t('catalog.import.col.row'),
          dataIndex: 'row',
          width: 80,
          render: (row: number | null) => row ?? '—',
          sorter: (a, b) => (a.row ?? 0) - (b.row ?? 0),
        },
        { title: t('catalog.import.col.column'), dataIndex: 'column', width: 140, render: (column: string | null) => column ?? '—' },
        {
          title: t('catalog.import.col.problem'),
          key: 'problem',
          width: 240,
          render: (_, error) => <Tag color="red">{importErrorText(t, error)}</Tag>,
        },
        {
          title: t('catalog.import.col.detail'),
          dataIndex: 'reason',
          render: (reason: string) => <Typography.Text type="secondary">{reason}</Typography.Text>,
        },
      ]}
    />
  );
}
