import { newId } from './support';

/** A complaint body as the phone sends it (the QR payload's and the public intake's schema, `PhoneComplaint`). */
export type PhoneComplaintBody = { complainant: Record<string, unknown> } & Record<string, unknown>;

/** A valid phone complaint for `fairId`; `accusedItems` replaces the one accused item without photos. */
export const phoneComplaint = (fairId: string, accusedItems: readonly unknown[] = [{ description: '蓝牙耳机', photos: [] }]): PhoneComplaintBody => ({
  kind: 'complaint',
  id: newId(),
  fairId,
  filedAt: '2025-04-16T02:30:00.000Z',
  language: 'zh-CN',
  complainant: { role: 'complainant', kind: 'entity', name: '福州某某科技有限公司', country: 'CN', uscc: '91350100M000100Y43', phone: '+8613800138000', standing: 'holder' },
  rights: [{ type: 'trademark', number: '12345678', title: 'FAIRBRAND', holder: '福州某某科技有限公司', jurisdiction: 'CN', niceClasses: [9], status: 'valid', statusSource: 'certificate' }],
  respondents: [{ name: '深圳某某电子有限公司', booth: { hall: '1.1', stand: 'A01' } }],
  accusedItems,
  signature: [[10, 10, 40, 60, 90, 30]],
});
