import type { Accessor } from 'solid-js';
import { listDrafts, type Draft } from '../../../store/drafts';
import { createLiveQuery } from '../../lib/live-query';

/** Drafts left open: forms not yet saved, and visitor forms parked after an idle reset. */
export const createHomeData = (): { readonly drafts: Accessor<readonly Draft[] | undefined> } => ({
  drafts: createLiveQuery(() => listDrafts()),
});

/** Where a draft's form lives, from its key (`fair:new`, `fair:<id>`, `exhibitor:<fairId>:new`, …). */
export function draftHref(draft: Draft): string | undefined {
  const [form, id] = draft.key.split(':');
  if (form === 'fair') return id === 'new' ? '/fairs/new' : `/fairs/${id}`;
  if (form === 'device') return '/device';
  // A visitor form parked after its idle reset: the desk continues in that very draft.
  if (draft.key.includes(':parked:')) return form === 'exhibitor' ? `/exhibitors/new?draft=${encodeURIComponent(draft.key)}` : undefined;
  if (form === 'exhibitor') {
    const exhibitor = draft.key.split(':')[2];
    if (exhibitor === 'visitor') return '/exhibitors/new?visitor=1';
    return exhibitor === undefined || exhibitor === 'new' ? '/exhibitors/new' : `/exhibitors/${exhibitor}`;
  }
  return undefined;
}
