import dayjs from 'dayjs';

/** A timestamp as `YYYY-MM-DD HH:mm`, or a dash when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** A timestamp as `YYYY-MM-DD HH:mm:ss`, for logs. */
export function formatDateTimeSeconds(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}
