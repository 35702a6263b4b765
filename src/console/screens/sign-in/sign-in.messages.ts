import type { ConsoleMessages } from '../../lib/i18n';

export const signInMessages = {
  'consoleSignIn.title': { 'zh-CN': '登录主办方控制台', en: 'Sign in to the organizer console' },
  'consoleSignIn.lead': { 'zh-CN': '控制台只能在线使用。平板电脑请使用平板应用。', en: 'The console works online only. Tablets use the tablet app.' },
  'consoleSignIn.name': { 'zh-CN': '用户名', en: 'Name' },
  'consoleSignIn.password': { 'zh-CN': '密码', en: 'Password' },
  'consoleSignIn.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'consoleSignIn.busy': { 'zh-CN': '正在登录…', en: 'Signing in…' },
  'consoleSignIn.continue': { 'zh-CN': '请登录以继续。登录后将回到原来的页面，已填写的内容仍会保留。', en: 'Sign in to continue. You will go back where you were, and what you typed is kept.' },
} satisfies ConsoleMessages;
