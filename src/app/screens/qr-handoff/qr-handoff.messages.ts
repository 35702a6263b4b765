import type { PairedMessages } from '../../i18n/paired';

/** The hand-off's photo check (PI9): the phone's own file is the evidence, so its size is the limit. */
export const handoffMessages = {
  'handoff.photoTooBig': { 'zh-CN': '{name} 超过 {mb} MB，无法作为证据保存，未采用', en: '{name} is larger than {mb} MB and cannot be kept as evidence; not used' },
} as const satisfies PairedMessages;
