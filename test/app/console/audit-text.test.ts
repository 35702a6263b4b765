import { describe, expect, test } from 'vitest';
import { AuditEntry } from '../../../src/domain/wire/console-audit';
import { dateTime } from '../../../src/console/lib/format';
import { aboutText, detailsText } from '../../../src/console/screens/audit/audit-text';

/** The console's audit rows in words (CO47), in both languages. */
const FAIR = '01M98HF4YTP411KZTK9C0504WX';
const DEVICE = '01M98HFHFBM09GQ10A5N6HFQ3P';
const labels = { [`fair:${FAIR}`]: 'CF140 · 第140届广交会', [`device:${DEVICE}`]: 'K03 · 输入台' };
const entry = (over: Partial<Omit<AuditEntry, 'at'>>): AuditEntry =>
  AuditEntry.parse({ id: 1, at: '2026-12-07T02:00:00.000Z', actor: null, address: '127.0.0.1', action: 'device_revoked', target: null, details: {}, ...over });

describe('the audit rows in words', () => {
  test('[CO47] a revocation names the tablet and its fair, in zh-CN and English', () => {
    const e = entry({ target: `device:${DEVICE}`, details: { fairId: FAIR, reason: '平板遗失' } });
    expect(aboutText(e, labels, 'zh-CN')).toBe('平板 K03 · 输入台');
    expect(detailsText(e, labels, 'zh-CN')).toBe('展会：CF140 · 第140届广交会；原因：平板遗失');
    expect(aboutText(e, labels, 'en')).toBe('Tablet K03 · 输入台');
    expect(detailsText(e, labels, 'en')).toBe('Fair: CF140 · 第140届广交会; Reason: 平板遗失');
  });

  test('[CO47] an enrolment code: the tablet role in words, its expiry on the reader\'s clock, a record id kept out', () => {
    const expiresAt = '2026-12-07T16:20:30.791Z';
    const code = entry({ action: 'enrolment_created', target: 'enrolment:d9b76a90d391728f', details: { role: 'desk', fairId: FAIR, expiresAt } });
    expect(aboutText(code, labels, 'en')).toBe('Enrolment code d9b76a90d391728f');
    expect(detailsText(code, labels, 'en')).toBe(`Role: Desk; Fair: CF140 · 第140届广交会; Expires: ${dateTime(expiresAt)}`);
    const made = entry({ action: 'fair_created', target: `fair:${FAIR}`, details: { code: 'CF140', itemId: '01M98HF5WM75FPQFC3B24FGEYS', sessionNo: 140 } });
    expect(detailsText(made, labels, 'en')).toBe('Code: CF140; Session: 140');
    const account = entry({ action: 'account_created', target: 'user:01M98HEZFMB1XMHJG2ZWAQP0Q8', details: { name: '李四', role: 'admin_viewer' } });
    expect(detailsText(account, labels, 'zh-CN')).toBe('名称：李四；角色：管理查看者');
  });

  test('[CO47] a record no longer named shows its kind and id; an unknown target and key are shown as written', () => {
    expect(aboutText(entry({ target: `fair:${DEVICE}` }), labels, 'en')).toBe(`Fair ${DEVICE}`);
    expect(aboutText(entry({ action: 'conflict_decided', target: 'case:01M98', details: { caseNo: 'CF140-0007', stands: 'set_aside' } }), labels, 'en')).toBe('Case CF140-0007');
    expect(detailsText(entry({ action: 'conflict_decided', details: { caseNo: 'CF140-0007', stands: 'set_aside', final: true } }), labels, 'en')).toBe('Case number: CF140-0007; Kept: set aside; Final: yes');
    expect(aboutText(entry({ target: 'other:x' }), labels, 'en')).toBe('other:x');
    expect(detailsText(entry({ details: { mystery: null } }), labels, 'en')).toBe('mystery: —');
  });
});
