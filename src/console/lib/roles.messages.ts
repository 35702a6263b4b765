import type { ConsoleMessages } from './i18n';

/** The server accounts' roles in words, for every console screen that names one (people, account). */
export const staffRoleMessages = {
  'staffRole.organizer': { 'zh-CN': '主办方', en: 'Organizer' },
  'staffRole.expert': { 'zh-CN': '专家', en: 'Expert' },
  'staffRole.admin_viewer': { 'zh-CN': '管理查看者', en: 'Administration viewer' },
} as const satisfies ConsoleMessages;

/** The tablets' roles in words (tablets, audit). */
export const deviceRoleMessages = {
  'deviceRole.desk': { 'zh-CN': '投诉台', en: 'Desk' },
  'deviceRole.expert': { 'zh-CN': '专家', en: 'Expert' },
} as const satisfies ConsoleMessages;
