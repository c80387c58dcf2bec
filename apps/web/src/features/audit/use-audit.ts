import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type Page } from '@/api/client';
import type { components } from '@/api/schema.gen';

/** One entry of the audit log. */
export type AuditEvent = components['schemas']['AuditEvent'];

/** Who, what, when, where and how: the filters of the audit log. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  outcome?: 'success' | 'failure';
  departmentId?: string;
  /** ISO timestamps. */
  from?: string;
  to?: string;
}

/** One page of audit events, newest first. */
export function useAuditEvents(filter: AuditFilter, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['audit-events', filter, page],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/audit/events', { ...filter, ...page }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every action that occurs in the log, for the filter. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['audit-actions'],
    queryFn: ({ signal }) => api.get<ItemList<string>>('/audit/actions', undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** The CSV export URL for the same filters; the session cookie authenticates a plain link. */
export function auditCsvUrl(filter: AuditFilter): string {
  return apiUrl('/audit/events.csv', { ...filter });
}
