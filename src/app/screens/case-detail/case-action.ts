import { PAYLOADS } from '../../../domain/case/commands';
import type { Case } from '../../../domain/case/case';
import type { Actor } from '../../../domain/case/events';
import { parseFields, type FieldError } from '../../../domain/field-errors';
import { applyCaseCommand } from '../../../store/cases';
import { storeEvidence } from '../../../store/evidence';
import { storageErrorMessage } from '../../i18n/errors';
import { nowInstant } from '../../lib/clock';
import { dataUrlBlob, downscaleImage } from '../../lib/image';
import { ACTION_SPECS, type ActionContext, type FieldSpec, type Values } from './action-specs';
import type { CommandType } from './action-codes';
import { caseErrorMessage } from './case-error';

/**
 * Applies one case action as ONE `applyCaseCommand`, so it lands whole or not at all: the payload
 * is validated with the command's schema first, with placeholder evidence ids, so bad input stores
 * nothing; then signatures and photos are stored as evidence (downscaled, hashed, with the chain
 * of custody) and the command applied. Party signatures are required where the command says so (CS2).
 */
const PLACEHOLDER_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

export interface ActionFailure {
  readonly fields: readonly FieldError[];
  readonly message?: string;
}

const hasEvidence = (f: FieldSpec, v: Values): number => {
  const x = v[f.name];
  if (f.kind === 'signature') return typeof x === 'string' && x !== '' ? 1 : 0;
  if (f.kind === 'photos') return Array.isArray(x) ? x.length : 0;
  return 0;
};

export async function submitAction(
  type: CommandType,
  values: Values,
  fields: readonly FieldSpec[],
  ctx: ActionContext,
  actor: Actor,
): Promise<{ ok: true; value: Case } | ({ ok: false } & ActionFailure)> {
  const spec = ACTION_SPECS[type];
  const build = spec?.build ?? (() => ({}));
  const evidenceFields = fields.filter((f) => f.kind === 'signature' || f.kind === 'photos');
  const placeholder = (name: string): string[] => {
    const f = evidenceFields.find((x) => x.name === name);
    return f === undefined ? [] : Array.from({ length: hasEvidence(f, values) }, () => PLACEHOLDER_ID);
  };
  const checked = parseFields(PAYLOADS[type], build(values, ctx, placeholder));
  const errors: FieldError[] = checked.ok ? [] : checked.errors.filter((e) => !evidenceFields.some((f) => f.kind === 'signature' && e.field === f.name));
  for (const f of evidenceFields) {
    if (f.kind === 'signature' && hasEvidence(f, values) === 0) errors.push({ field: f.name, code: 'SIGNATURE_REQUIRED', params: {} });
  }
  if (errors.length > 0) return { ok: false, fields: errors };

  const now = nowInstant();
  const stored = new Map<string, string[]>();
  for (const f of evidenceFields) {
    const ids: string[] = [];
    const blobs: { blob: Blob; kind: 'signature' | 'photo' }[] = [];
    const x = values[f.name];
    if (f.kind === 'signature' && typeof x === 'string' && x !== '') blobs.push({ blob: dataUrlBlob(x), kind: 'signature' });
    if (f.kind === 'photos' && Array.isArray(x)) {
      for (const file of x as File[]) {
        try {
          blobs.push({ blob: (await downscaleImage(file)).blob, kind: 'photo' });
        } catch {
          return { ok: false, fields: [{ field: f.name, code: 'MIME_NOT_ALLOWED', params: {} }] };
        }
      }
    }
    for (const b of blobs) {
      const r = await storeEvidence(b.blob, { kind: b.kind, mime: b.blob.type, capturedAt: now, capturedBy: ctx.userId, caseId: ctx.case.id, fairId: ctx.fair.id }, now);
      if (!r.ok) return { ok: false, fields: [], message: storageErrorMessage(r.error) };
      ids.push(r.value.id);
    }
    stored.set(f.name, ids);
  }
  const payload = build(values, ctx, (name) => stored.get(name) ?? []);
  const applied = await applyCaseCommand(ctx.case.id, { type, payload } as never, actor, now);
  if (applied.ok) return { ok: true, value: applied.value };
  const e = applied.error;
  if (e.domain !== undefined) return { ok: false, fields: [], message: caseErrorMessage(e.domain) };
  if (e.kind === 'invalid') return { ok: false, fields: (e.fields ?? []).map((f) => ({ ...f, field: f.field.replace(/^payload\./, '') })) };
  return { ok: false, fields: [], message: storageErrorMessage(e) };
}
