import type { ConsoleMessages } from '../../lib/i18n';
import { staffRoleMessages } from '../../lib/roles.messages';

export const accountMessages = {
  ...staffRoleMessages,
  'account.title': { 'zh-CN': '我的账户', en: 'My account' },
  'account.role': { 'zh-CN': '角色：{role}', en: 'Role: {role}' },
  'account.password': { 'zh-CN': '修改密码', en: 'Change password' },
  'account.current': { 'zh-CN': '当前密码', en: 'Current password' },
  'account.new': { 'zh-CN': '新密码（至少 10 个字符）', en: 'New password (at least 10 characters)' },
  'account.repeat': { 'zh-CN': '再次输入新密码', en: 'New password again' },
  'account.mismatch': { 'zh-CN': '两次输入的新密码不一致。', en: 'The two new passwords differ.' },
  'account.change': { 'zh-CN': '修改密码', en: 'Change password' },
  'account.changed': { 'zh-CN': '密码已修改。其他 {n} 个会话已退出。', en: 'Password changed. {n} other sessions were signed out.' },
  'account.sessions': { 'zh-CN': '会话', en: 'Sessions' },
  'account.everywhereHint': { 'zh-CN': '在所有设备和浏览器上退出此账户，包括本页。', en: 'Sign this account out on every device and browser, this one included.' },
  'account.everywhere': { 'zh-CN': '在所有设备上退出', en: 'Sign out everywhere' },
} satisfies ConsoleMessages;
