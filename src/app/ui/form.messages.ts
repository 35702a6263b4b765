import type { PairedMessages } from '../i18n/paired';

/** Words of every form (the error summary above the fields). */
export const formMessages = {
  'form.refused': { 'zh-CN': '未保存，请更正：', en: 'Not saved. Please correct:' },
  'form.refusedNoField': { 'zh-CN': '未保存。', en: 'Not saved.' },
} as const satisfies PairedMessages;
