import type { PairedMessages } from '../../i18n/paired';

/** Setting up this tablet (device code, enrolment). */
export const deviceMessages = {
  'device.title': { 'zh-CN': '本机设置', en: 'This device' },
  'device.name': { 'zh-CN': '设备名称', en: 'Device name' },
  'device.shortCode': { 'zh-CN': '设备代码（2–4 位）', en: 'Device code (2–4 characters)' },
  'device.shortCodeHint': { 'zh-CN': '用于案件编号，只能包含数字和大写字母（不含 I O S V Z）。', en: 'Used in case numbers: digits and capital letters only (no I O S V Z).' },
  'device.fair': { 'zh-CN': '当前展会', en: 'Current fair' },
  'device.noFairs': { 'zh-CN': '还没有展会，请先创建。', en: 'No fairs yet: create one first.' },
  'device.saved': { 'zh-CN': '本机设置已保存。', en: 'Device settings saved.' },
} as const satisfies PairedMessages;
