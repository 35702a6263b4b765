import type { Accessor } from 'solid-js';
import type { MessageKey } from '../../i18n/index';
import { listDrafts, type Draft } from '../../../store/drafts';
import { listUsers, type User } from '../../../store/users';

export type { User };
import { createLiveQuery } from '../../lib/live-query';

/** Drafts left open: forms not yet saved, and visitor forms parked after an idle reset. */
export const createHomeData = (): { readonly drafts: Accessor<readonly Draft[] | undefined>; readonly users: Accessor<readonly User[] | undefined> } => ({
  drafts: createLiveQuery(() => listDrafts()),
  // The first-run steps: is there an organizer yet, and desk staff and experts?
  users: createLiveQuery(() => listUsers()),
});

/** Where a draft's form lives, from its key (`fair:new`, `fair:<id>`, `exhibitor:<fairId>:new`, …). */
export function draftHref(draft: Draft): string | undefined {
  const [form, id] = draft.key.split(':');
  if (form === 'fair') return id === 'new' ? '/fairs/new' : `/fairs/${id}`;
  if (form === 'device') return '/device';
  // A visitor form parked after its idle reset: the desk continues in that very draft.
  if (draft.key.includes(':parked:')) return form === 'exhibitor' ? `/exhibitors/new?draft=${encodeURIComponent(draft.key)}` : undefined;
  if (form === 'complaint') return '/complaints/new';
  if (form === 'commitment') return `/commitments/sign/${draft.key.split(':')[2] ?? ''}`;
  if (form === 'user') return '/users';
  if (form === 'consultation') return '/consultations';
  if (form === 'exhibitor') {
    const exhibitor = draft.key.split(':')[2];
    if (exhibitor === 'visitor') return '/exhibitors/new?visitor=1';
    return exhibitor === undefined || exhibitor === 'new' ? '/exhibitors/new' : `/exhibitors/${exhibitor}`;
  }
  return undefined;
}

/** What a draft is, in words (the table showed its raw key). */
export function draftLabel(draft: Draft): { readonly key: MessageKey; readonly params?: Readonly<Record<string, string>> } {
  const [form, id, third] = draft.key.split(':');
  if (form === 'fair') return { key: id === 'new' ? 'draft.fairNew' : 'draft.fair' };
  if (form === 'device') return { key: 'draft.device' };
  if (form === 'exhibitor') return { key: third === 'visitor' || draft.key.includes(':parked:') ? 'draft.exhibitorVisitor' : third === 'new' ? 'draft.exhibitorNew' : 'draft.exhibitor' };
  if (form === 'complaint') return { key: 'draft.complaint' };
  if (form === 'commitment') return { key: 'draft.commitment' };
  if (form === 'user') return { key: 'draft.user' };
  if (form === 'consultation') return { key: 'draft.consultation' };
  return { key: 'draft.other', params: { key: draft.form } };
}
