import { describe, expect, test } from 'vitest';
import '../../../../src/app/i18n/desk-messages';
import { postShowSummary } from '../../../../src/domain/report/post-show-summary';
import type { Instant, TimeZone } from '../../../../src/domain/time';
import { figureRows, reportModel, type ReportLine, type ReportModel } from '../../../../src/app/ui/report/report-model';
import { CURRENT, PREVIOUS } from '../../../domain/report/hand-session';

/**
 * The post-show report as a value, from the hand-made session (its figures are worked out in
 * test/domain/report/post-show-summary.test.ts): the sections in order, sentences with units and
 * the change against the previous session, charts and tables, in zh-CN and English.
 */
const summary = postShowSummary({ ...CURRENT, previousSession: PREVIOUS });
const ctx = { fairNameZh: '广交会（深圳）', fairNameEn: 'Canton Fair (Shenzhen)', timeZone: 'Asia/Shanghai' as TimeZone, generatedAt: '2025-04-20T02:00:00.000Z' as Instant };
const zh = reportModel(summary, 'zh-CN', ctx);
const en = reportModel(summary, 'en', ctx);

const lines = (m: ReportModel, section: string): string[] =>
  m.sections.find((s) => s.id === section)?.blocks.filter((b): b is ReportLine => b.kind === 'line').map((b) => b.text) ?? [];
const allText = (m: ReportModel): string =>
  [m.title, m.fairName, m.session, m.generated, ...m.notes, ...m.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.title, ...b.bars.map((x) => x.label)] : b.kind === 'table' ? [...b.headers, ...b.rows.flat()] : [b.text]))])].join('\n');

describe('report model', () => {
  test('zh-CN: the sections in order with their headings, the header in the fair\u2019s zone', () => {
    expect(zh.sections.map((s) => s.heading)).toEqual(['参展与承诺', '投诉受理', '处理结果', '移交与复核', '时效', '重复侵权', '咨询与培训', '驻场服务']);
    expect([zh.title, zh.fairName, zh.session, zh.generated]).toEqual(['展后知识产权保护工作总结', '广交会（深圳）', '第 137 届', '生成时间：2025-04-20 10:00 (UTC+8)']);
  });

  test('zh-CN: figures in words with units, previous value, Δ and Δ% (rates in percentage points)', () => {
    expect(lines(zh, 'complaints')[0]).toBe('收到投诉 12 件（上届 4 件，+8，+200.00 %），受理 9 件（上届 3 件，+6，+200.00 %），受理率 75.00 %（上届 75.00 %，0.00 个百分点）。');
    expect(lines(zh, 'timeliness')[0]).toBe('从收到投诉到受理用时中位数 25 分钟（上届 10 分钟，+15 分钟，+150.00 %）。');
    expect(lines(zh, 'outcomes')).toContain('认定涉嫌侵权企业 2 家（上届 2 家，0，0.00 %），企业认定率 40.00 %（上届 66.67 %，-26.67 个百分点）。');
  });

  test('English: the same sentences in English', () => {
    expect(en.sections.map((s) => s.heading)).toEqual(['Exhibitors and commitments', 'Complaints', 'Outcomes', 'Transfers and reviews', 'Timeliness', 'Repeat infringers', 'Consultations and training', 'On-site service']);
    expect(lines(en, 'complaints')[0]).toBe('Complaints received: 12 (previous 4, +8, +200.00 %); accepted: 9 (previous 3, +6, +200.00 %); acceptance rate: 75.00 % (previous 75.00 %, 0.00 pp).');
    expect([en.fairName, en.generated]).toEqual(['Canton Fair (Shenzhen)', 'Generated 2025-04-20 10:00 (UTC+8)']);
  });

  test('charts and tables carry names, not codes', () => {
    const outcomes = zh.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'chart' && b.id === 'outcomes');
    expect(outcomes?.kind === 'chart' ? outcomes.bars.map((b) => [b.label, b.value]) : []).toEqual([
      ['投诉人撤回', 1], ['不认定涉嫌侵权', 2], ['认定涉嫌侵权', 3], ['自行撤展', 1], ['调解结案', 1], ['移交行政管理部门', 1], ['尚未结案', 1],
    ]);
    const repeat = en.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.id === 'repeat');
    expect(repeat?.kind === 'table' ? repeat.rows.map((r) => r.slice(1)) : []).toEqual([
      ['91440101MA59ABC1XP', '2', '1', 'yes', 'Banned from the next session'],
      ['91440101MA59ABC3XR', '1', '1', 'yes', 'Banned from the next session'],
    ]);
  });

  test('no figure id, rule code or English word in the Chinese report; every figure row named in both languages', () => {
    const text = allText(zh);
    expect(text.match(/R\d+\.|\b(CS|DL|RP)\d+|\b[a-z]{3,}\b|\b[A-Z][A-Z_]{3,}\b/g)).toBeNull();
    for (const lang of ['zh-CN', 'en'] as const) {
      const rows = figureRows(summary, lang);
      expect(rows.filter((r) => /R\d+\.|\b[A-Z][A-Z_]{3,}\b|\{x\}/.test(r.name)).map((r) => r.id)).toEqual([]);
    }
    expect(figureRows(summary, 'zh-CN').find((r) => r.id === 'R11.trademark.accepted')).toMatchObject({ name: '商标受理', value: '1 件', section: '处理结果' });
  });

  test('without a previous session the report says so and shows no brackets', () => {
    const alone = postShowSummary({ ...CURRENT, fair: { ...CURRENT.fair, previousFairId: undefined } });
    const m = reportModel(alone, 'zh-CN', ctx);
    expect(m.notes).toEqual(['本届未设上届展会，无同比数据。']);
    expect(lines(m, 'complaints')[0]).toBe('收到投诉 12 件，受理 9 件，受理率 75.00 %。');
  });
});
