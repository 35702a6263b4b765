/**
 * Strings of the desk's newcomer paths: a refused save's summary beside Save, who may act on a
 * screen, the first-run steps, editing users and their PINs. zh-CN and English side by side.
 */
const messages = {
  'form.refused': { 'zh-CN': '未保存，请更正：', en: 'Not saved. Please correct:' },
  'form.refusedNoField': { 'zh-CN': '未保存。', en: 'Not saved.' },
  // Word joiners (U+2060) keep each range such as A–H on one line.
  'fair.codeHint': {
    'zh-CN': '2–8 位，可用数字 0\u2060–\u20609 和大写字母 A\u2060–\u2060H J\u2060–\u2060N P\u2060–\u2060R T U W\u2060–\u2060Y（与统一社会信用代码相同，不含 I O S V Z）。',
    en: '2–8 characters: digits 0\u2060–\u20609 and capitals A\u2060–\u2060H J\u2060–\u2060N P\u2060–\u2060R T U W\u2060–\u2060Y (the USCC alphabet: no I O S V Z).',
  },
  'roles.mayAct': { 'zh-CN': '此页可操作：{roles}', en: 'Who may act here: {roles}' },
  'roles.you': { 'zh-CN': '当前：{name}（{role}）', en: 'Signed in: {name} ({role})' },
  'roles.youCannot': { 'zh-CN': '{role}不能在此页操作。请换人登录，已填写的内容会保留。', en: 'A {role} cannot act here. Switch person; what is typed is kept.' },
  'roles.nobody': { 'zh-CN': '尚未登录。', en: 'Nobody is signed in.' },
  'roles.switch': { 'zh-CN': '换人登录', en: 'Switch person' },
  'roles.signIn': { 'zh-CN': '登录', en: 'Sign in' },
  'roles.cancelSwitch': { 'zh-CN': '取消', en: 'Cancel' },
  'firstRun.title': { 'zh-CN': '首次使用：四步开始', en: 'First run: four steps' },
  'firstRun.device': { 'zh-CN': '设置本机（名称和代码）', en: 'Set up this tablet (name and code)' },
  'firstRun.fair': { 'zh-CN': '创建或选择展会', en: 'Create or choose the fair' },
  'firstRun.organizer': { 'zh-CN': '创建第一个主办方账号并登录', en: 'Create the first organizer and sign in' },
  'firstRun.staff': { 'zh-CN': '添加工作人员和驻场专家', en: 'Add desk staff and experts' },
  'firstRun.done': { 'zh-CN': '已完成', en: 'done' },
  'firstRun.next': { 'zh-CN': '下一步', en: 'next' },
  'firstRun.signInHint': { 'zh-CN': '已有账号？', en: 'Already have an account?' },
  'firstRun.nextStaff': { 'zh-CN': '下一步：添加工作人员和驻场专家（投诉登记由工作人员完成）。', en: 'Next: add desk staff and experts (complaints are filed by a clerk).' },
  'users.edit': { 'zh-CN': '修改', en: 'Edit' },
  'users.editTitle': { 'zh-CN': '修改人员：{name}', en: 'Edit user: {name}' },
  'users.saveEdit': { 'zh-CN': '保存修改', en: 'Save changes' },
  'users.saved': { 'zh-CN': '已保存：{name}', en: 'Saved: {name}' },
  'users.deactivate': { 'zh-CN': '停用', en: 'Deactivate' },
  'users.reactivate': { 'zh-CN': '重新启用', en: 'Reactivate' },
  'users.deactivated': { 'zh-CN': '已停用：{name}（不能再登录，已有记录保留）', en: 'Deactivated: {name} (cannot sign in; past records stay)' },
  'users.reactivated': { 'zh-CN': '已重新启用：{name}', en: 'Reactivated: {name}' },
  'users.resetPin': { 'zh-CN': '重设 PIN', en: 'Reset PIN' },
  'users.resetPinTitle': { 'zh-CN': '为 {name} 设置新 PIN', en: 'New PIN for {name}' },
  'users.pinReset': { 'zh-CN': '已为 {name} 设置新 PIN。', en: 'New PIN set for {name}.' },
  'users.actions': { 'zh-CN': '操作', en: 'Actions' },
  'users.notSelf': { 'zh-CN': '不能停用当前登录的自己。', en: 'You cannot deactivate yourself while signed in.' },
  'users.pinRule': { 'zh-CN': '4–8 位数字；不可用 1234、0000、1111、1212 之类的顺序、重复或常见组合。只保存其哈希值。', en: '4–8 digits; not a run, a repeat or a common choice such as 1234, 0000, 1111, 1212. Only its hash is kept.' },
  'err.PIN_REPEATED': { 'zh-CN': 'PIN 不能全是同一个数字（如 0000、1111），太容易被猜到。', en: 'The PIN cannot be one digit repeated (like 0000 or 1111): too easy to guess.' },
  'err.PIN_SEQUENCE': { 'zh-CN': 'PIN 不能是连续的数字（如 1234、4321），太容易被猜到。', en: 'The PIN cannot be a run of digits (like 1234 or 4321): too easy to guess.' },
  'err.PIN_PATTERN': { 'zh-CN': 'PIN 不能是重复的组合（如 1212、1122），太容易被猜到。', en: 'The PIN cannot repeat a short pattern (like 1212 or 1122): too easy to guess.' },
  'err.PIN_COMMON': { 'zh-CN': '这是很常见的 PIN，太容易被猜到，请换一个。', en: 'This is a very common PIN, too easy to guess: choose another.' },
  'checklist.allVerified': { 'zh-CN': '全部标为“已核验”', en: 'Mark all verified' },
  'draft.fair': { 'zh-CN': '展会设置', en: 'Fair setup' },
  'draft.fairNew': { 'zh-CN': '新展会', en: 'New fair' },
  'draft.device': { 'zh-CN': '本机设置', en: 'Tablet setup' },
  'draft.exhibitor': { 'zh-CN': '参展商', en: 'Exhibitor' },
  'draft.exhibitorNew': { 'zh-CN': '新参展商', en: 'New exhibitor' },
  'draft.exhibitorVisitor': { 'zh-CN': '参展商（访客自填）', en: 'Exhibitor (visitor form)' },
  'draft.complaint': { 'zh-CN': '投诉登记', en: 'Complaint' },
  'draft.commitment': { 'zh-CN': '知识产权承诺书', en: 'IP commitment' },
  'draft.user': { 'zh-CN': '新人员', en: 'New user' },
  'draft.consultation': { 'zh-CN': '咨询登记', en: 'Consultation' },
  'draft.other': { 'zh-CN': '表单（{key}）', en: 'Form ({key})' },
} as const;

type Key = keyof typeof messages;
const pick = (lang: 'zh-CN' | 'en'): Record<Key, string> => Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v[lang]])) as Record<Key, string>;

export const deskUxZh = pick('zh-CN');
export const deskUxEn: Record<Key, string> = pick('en');
