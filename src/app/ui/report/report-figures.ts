import type { Language } from '../../../domain/codes';
import { figureKind, figureRule, isHallKey, parseHallKey } from '../../../domain/report/figures';
import type { FigureKey, FigureRule } from '../../../domain/report/figures';
import { formatBp, formatSignedBp } from '../../../domain/report/rates';
import type { Change } from '../../../domain/report/rates';
import { isWeakKey, type ExhibitorKey } from '../../../domain/exhibitor';
import { isMessageKey, tIn } from '../../i18n/index';
import { figureWords, word, type FigurePattern, type ReportWord } from './report.messages';

/**
 * One figure in words: its name, its value with the unit, its change against the previous
 * session (§10 display rules: rates to two decimals, rate changes in percentage points).
 */

/** A code's name in the reader's language (`outcome.MEDIATED` → 调解结案); the code itself if none. */
export function codeName(lang: Language, group: string, code: string): string {
  const key = `${group}.${code}`;
  return isMessageKey(key) ? tIn(lang, key) : code;
}

const CODE_GROUP: ReadonlyArray<readonly [RegExp, FigurePattern, string]> = [
  [/^R6\.(NR_\w+)$/, 'R6.reason', 'reason'],
  [/^R11\.(\w+)\.accepted$/, 'R11.type.accepted', 'ipType'],
  [/^R11\.(\w+)\.established$/, 'R11.type.established', 'ipType'],
  [/^R11\.(\w+)\.rate$/, 'R11.type.rate', 'ipType'],
  [/^R11\.(\w+)\.share$/, 'R11.type.share', 'ipType'],
  [/^R12\.outcome\.(\w+)$/, 'R12.outcome', 'outcome'],
  [/^R12\.measure\.(\w+)\.ordered$/, 'R12.measure.ordered', 'measure'],
  [/^R12\.measure\.(\w+)\.done$/, 'R12.measure.done', 'measure'],
  [/^R12\.measure\.(\w+)\.refused$/, 'R12.measure.refused', 'measure'],
  [/^R15\.sanction\.(\w+)$/, 'R15.sanction', 'sanction'],
  [/^R16\.asker\.(\w+)$/, 'R16.asker', 'consult.asker'],
  [/^R16\.type\.(\w+)$/, 'R16.type', 'ipType'],
];

/** The figure's name, e.g. `R11.trademark.accepted` → 商标受理 / Trademark: accepted. */
export function figureName(lang: Language, id: FigureKey): string {
  const hall = parseHallKey(id);
  if (hall !== undefined) return word(lang, hall.what === 'accepted' ? 'hallAccepted' : 'hallEstablished', { h: hall.hall });
  if (id in figureWords) return figureWords[id as FigurePattern][0][lang];
  for (const [re, pattern, group] of CODE_GROUP) {
    const m = re.exec(id);
    if (m?.[1] !== undefined) return figureWords[pattern][0][lang].replace('{x}', codeName(lang, group, m[1]));
  }
  return id;
}

/** The unit after a count: 件, 家… in Chinese; none in English. */
export function figureUnit(lang: Language, id: FigureKey): string {
  const kind = figureKind(id);
  if (kind === 'rate') return '%';
  if (kind === 'minutes') return lang === 'en' ? 'min' : '分钟';
  if (lang === 'en') return '';
  if (isHallKey(id)) return '件';
  if (id in figureWords) return figureWords[id as FigurePattern][1];
  for (const [re, pattern] of CODE_GROUP) if (re.test(id)) return figureWords[pattern][1];
  return '';
}

/** A value with its unit: `12 件`, `75.00 %`, `35 分钟`, `—`. */
export function valueText(lang: Language, id: FigureKey, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  const kind = figureKind(id);
  if (kind === 'rate') return word(lang, 'percent', { v: formatBp(v) });
  if (kind === 'minutes') return word(lang, 'minutes', { v });
  const unit = figureUnit(lang, id);
  return unit === '' ? String(v) : `${v} ${unit}`;
}

/** Δ as printed: `+2`, `-1`, `+5.00 个百分点` for a rate, `+5 分钟` for a median. */
export function deltaText(lang: Language, id: FigureKey, delta: number | null): string {
  if (delta === null) return '—';
  const kind = figureKind(id);
  if (kind === 'rate') return word(lang, 'points', { v: formatSignedBp(delta) });
  const signed = delta > 0 ? `+${delta}` : String(delta);
  return kind === 'minutes' ? word(lang, 'minutes', { v: signed }) : signed;
}

/** The bracket after a figure: (上届 10 件，+2，+20.00 %); '' when there is nothing to compare with. */
export function changeText(lang: Language, id: FigureKey, change: Change | undefined): string {
  if (change === undefined) return '';
  if (change.prev === null) return word(lang, 'changeNone');
  const prev = valueText(lang, id, change.prev);
  const delta = deltaText(lang, id, change.delta);
  if (change.deltaPctBp === null) return word(lang, 'change', { prev, delta });
  return word(lang, 'changePct', { prev, delta, pct: formatSignedBp(change.deltaPctBp) });
}

/** One figure in a sentence: 收到投诉 12 件 / Complaints received: 12. */
export function factText(lang: Language, id: FigureKey, v: number | null | undefined, change: Change | undefined): string {
  const name = figureName(lang, id);
  const value = valueText(lang, id, v);
  return `${lang === 'en' ? `${name}: ${value}` : `${name} ${value}`}${changeText(lang, id, change)}`;
}

export type SectionId = 'participation' | 'complaints' | 'outcomes' | 'transfers' | 'timeliness' | 'repeat' | 'service' | 'onsite';

/** The report section a figure belongs to. */
export function sectionOf(id: FigureKey): SectionId {
  const rule: FigureRule = figureRule(id);
  const bySection: Record<FigureRule, SectionId> = {
    R1: 'participation', R2: 'participation',
    R3: 'complaints', R4: 'complaints', R5: 'complaints', R6: 'complaints', R7: 'complaints', R8: 'complaints',
    R9: 'outcomes', R10: 'outcomes', R11: 'outcomes', R12: 'outcomes',
    R13: 'transfers', R14: 'timeliness', R15: 'repeat',
    R16: 'service', R17: 'service', R18: 'service', R19: 'onsite',
  };
  return bySection[rule];
}

export const sectionHeading = (lang: Language, id: SectionId): string => word(lang, `sec.${id}` satisfies ReportWord);

/** The enterprise's registration number as people write it: a Chinese USCC without its `CN:`, none for a name-only key. */
export const registrationNo = (key: string): string => (isWeakKey(key as ExhibitorKey) ? '' : key.replace(/^CN:/, ''));
