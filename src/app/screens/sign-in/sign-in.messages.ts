import type { PairedMessages } from '../../i18n/paired';

/** Signing in at the desk with a PIN. */
export const signInMessages = {
  'signIn.title': { 'zh-CN': '登录', en: 'Sign in' },
  'signIn.who': { 'zh-CN': '请选择您的姓名', en: 'Tap your name' },
  'signIn.pinFor': { 'zh-CN': '{name}，请输入 PIN', en: '{name}, enter your PIN' },
  'signIn.pinLabel': { 'zh-CN': '已输入的 PIN 位数', en: 'PIN digits entered' },
  'signIn.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'signIn.clear': { 'zh-CN': '清除', en: 'Clear' },
  'signIn.back': { 'zh-CN': '退格', en: 'Backspace' },
  'signIn.signOut': { 'zh-CN': '退出登录', en: 'Sign out' },
  'signIn.signedInAs': { 'zh-CN': '当前登录：{name}（{role}）', en: 'Signed in: {name} ({role})' },
  'signIn.firstUser': { 'zh-CN': '创建第一个用户', en: 'Create the first user' },
  'signIn.firstUserHint': { 'zh-CN': '本机还没有用户。请创建主办方或驻场专家账号，之后可在“人员”中添加工作人员和专家。', en: 'This tablet has no users yet. Create an organizer or expert account; add clerks and experts later under "Users".' },
  'signIn.createFirst': { 'zh-CN': '创建并登录', en: 'Create and sign in' },
  'signIn.roleRequired': { 'zh-CN': '此页面仅限：{roles}。', en: 'This screen is for: {roles}.' },
  'signIn.locked': { 'zh-CN': 'PIN 连续输错 5 次，该用户已被锁定。请在 {time} 后重试。', en: 'Five wrong PINs in a row: this user is locked. Try again in {time}.' },
  'signIn.triesLeft': { 'zh-CN': '锁定前还可再试 {count} 次。', en: 'Tries left before the lock: {count}.' },
} as const satisfies PairedMessages;
