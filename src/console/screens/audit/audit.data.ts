import { CONSOLE_PREFIX } from '../../../domain/wire/console';
import { AuditPage, type AuditAction } from '../../../domain/wire/console-audit';
import { request, type ApiResult } from '../../lib/api';

/** The audit filter as the form holds it (strings, as typed). */
export interface AuditFilter {
  action: AuditAction | '';
  actor: string;
  from: string;
  to: string;
}

/** Local calendar days to instants: `to` is inclusive here, exclusive on the wire. */
export function auditSearch(f: AuditFilter, cursor?: number): URLSearchParams {
  const q = new URLSearchParams();
  if (f.action !== '') q.set('action', f.action);
  if (f.actor.trim() !== '') q.set('actor', f.actor.trim());
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.from)) q.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.to)) q.set('to', new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  if (cursor !== undefined) q.set('cursor', String(cursor));
  return q;
}

export const readAudit = (f: AuditFilter, cursor?: number): Promise<ApiResult<AuditPage>> => request(AuditPage, `${CONSOLE_PREFIX}/audit?${auditSearch(f, cursor).toString()}`);

export const auditCsvHref = (f: AuditFilter): string => `${CONSOLE_PREFIX}/audit.csv?${auditSearch(f).toString()}`;
