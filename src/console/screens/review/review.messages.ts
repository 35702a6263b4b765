import { COMMAND_TYPES } from '../../../domain/case/commands';
import type { REJECT_CODES } from '../../../domain/wire/protocol';
import { caseDetailMessages } from '../../../app/screens/case-detail/case-detail.messages';
import type { ConsoleMessages } from '../../lib/i18n';

/** Why the server refused an item (SY63), said to the organizer rather than to the tablet. */
export const rejectMessages = {
  'reject.PAYLOAD_INVALID': { 'zh-CN': '记录内容不符合格式，服务器拒收；该平板上仍保留原记录。', en: 'The record does not parse; the server refused it. The tablet still holds it.' },
  'reject.WRONG_FAIR': { 'zh-CN': '记录属于另一场展会，服务器拒收。', en: 'The record belongs to another fair; the server refused it.' },
  'reject.ENTITY_MISMATCH': { 'zh-CN': '记录内容与其编号不符，服务器拒收。', en: 'The record does not match its id; the server refused it.' },
  'reject.SEQ_REUSED': { 'zh-CN': '该平板用同一序号发送了另一条记录，服务器拒收。', en: 'The tablet sent another record under a number it had used; the server refused it.' },
} satisfies Record<`reject.${(typeof REJECT_CODES)[number]}`, { 'zh-CN': string; en: string }>;

/**
 * The review queue's words. Case events are named as the tablet's timeline names them
 * (`cmd.<type>`), so the organizer and the desk read the same words for the same event.
 */
export const reviewMessages = {
  ...rejectMessages,
  'review.title': { 'zh-CN': '待审核：冲突与被拒数据', en: 'Review: conflicts and refused items' },
  'review.fair': { 'zh-CN': '展会', en: 'Fair' },
  'review.refresh': { 'zh-CN': '刷新', en: 'Refresh' },
  'review.conflicts': { 'zh-CN': '冲突案件（{n}）', en: 'Conflicting cases ({n})' },
  'review.noConflicts': { 'zh-CN': '没有待裁定的冲突。', en: 'No conflict is waiting for a decision.' },
  'review.case': { 'zh-CN': '案件 {caseNo} · {respondent} · 展位 {booth}', en: 'Case {caseNo} · {respondent} · booth {booth}' },
  'review.now': { 'zh-CN': '当前状态：{state}{outcome}', en: 'Now: {state}{outcome}' },
  'review.forkAfter': {
    'zh-CN': '两台平板都知道的最后一步：{event}（平板 {device}，{at}）。此后它们离线各自办理：',
    en: 'The last step both tablets knew: {event} (tablet {device}, {at}). Then, offline, each went its own way:',
  },
  'review.forkAtStart': { 'zh-CN': '两台平板各自办理：', en: 'Each tablet went its own way:' },
  'review.applied': { 'zh-CN': '已生效', en: 'In effect' },
  'review.setAside': { 'zh-CN': '被搁置：到达时该步骤已不适用，未生效', en: 'Set aside: when it arrived the step no longer applied, so it had no effect' },
  'review.eventLine': { 'zh-CN': '平板 {device} 于 {at} 由{role}办理：{event}', en: 'Tablet {device}, {at}, by the {role}: {event}' },
  'review.unknownDevice': { 'zh-CN': '未知设备', en: 'unknown device' },
  'review.stands': { 'zh-CN': '裁定：以哪一结果为准', en: 'Decision: which outcome stands' },
  'review.stands.applied': { 'zh-CN': '维持已生效的结果', en: 'The outcome in effect stands' },
  'review.stands.set_aside': { 'zh-CN': '以被搁置的结果为准（由专家在平板上重新录入）', en: 'The set-aside outcome stands (an expert records it again on a tablet)' },
  'review.reason': { 'zh-CN': '理由（各平板的时间线上都会显示）', en: 'Why (shown on every tablet’s timeline)' },
  'review.decide': { 'zh-CN': '记录裁定', en: 'Record the decision' },
  'review.decided': { 'zh-CN': '已记录对案件 {caseNo} 的裁定；各平板同步后冲突标记即消除。', en: 'Decision on case {caseNo} recorded; each tablet clears the conflict flag when it syncs.' },
  'review.reasonRequired': { 'zh-CN': '请写明理由。', en: 'Write why.' },
  'review.items': { 'zh-CN': '被拒或搁置的数据（{n}）', en: 'Refused or set-aside items ({n})' },
  'review.noItems': { 'zh-CN': '没有被拒或搁置的数据。', en: 'No item was refused or set aside.' },
  'col.received': { 'zh-CN': '收到时间', en: 'Received' },
  'col.tablet': { 'zh-CN': '平板', en: 'Tablet' },
  'col.what': { 'zh-CN': '数据', en: 'Item' },
  'col.why': { 'zh-CN': '原因', en: 'Why' },
  'col.ack': { 'zh-CN': '确认', en: 'Acknowledgement' },
  'item.conflict': { 'zh-CN': '同一编号、内容不同：原数据保留，此副本搁置。', en: 'Same id, other content: the original stands, this copy is kept aside.' },
  'item.kind': { 'zh-CN': '{kind}（{entity}）', en: '{kind} ({entity})' },
  'kind.fair': { 'zh-CN': '展会设置', en: 'Fair settings' },
  'kind.exhibitor': { 'zh-CN': '参展商', en: 'Exhibitor' },
  'kind.case_event': { 'zh-CN': '案件步骤', en: 'Case step' },
  'kind.commitment': { 'zh-CN': '参展承诺', en: 'Commitment' },
  'kind.consultation': { 'zh-CN': '咨询记录', en: 'Consultation' },
  'kind.evidence_meta': { 'zh-CN': '证据记录', en: 'Evidence record' },
  'item.unreadable': { 'zh-CN': '（内容无法读取）', en: '(content unreadable)' },
  'ack.note': { 'zh-CN': '确认说明', en: 'Note' },
  'ack.button': { 'zh-CN': '确认', en: 'Acknowledge' },
  'ack.done': { 'zh-CN': '{by} 于 {at} 确认：{note}', en: 'Acknowledged by {by}, {at}: {note}' },
  'actor.clerk': { 'zh-CN': '工作人员', en: 'clerk' },
  'actor.expert': { 'zh-CN': '专家', en: 'expert' },
  'actor.organizer': { 'zh-CN': '组织者', en: 'organizer' },
  'actor.complainant': { 'zh-CN': '投诉人（工作人员代录）', en: 'complainant (entered by staff)' },
  'actor.respondent': { 'zh-CN': '被投诉人（工作人员代录）', en: 'respondent (entered by staff)' },
  'actor.system': { 'zh-CN': '系统', en: 'system' },
  ...Object.fromEntries(COMMAND_TYPES.map((type) => [`type.${type}`, caseDetailMessages[`cmd.${type}`]])),
} satisfies ConsoleMessages;

