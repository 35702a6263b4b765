/** One language of a messages file (vite.config.ts `messagesLanguage`): key → text; as src/app/messages-language.d.ts. */
declare module '*?lang=zh-CN' {
  const messages: Readonly<Record<string, string>>;
  export default messages;
}
declare module '*?lang=en' {
  const messages: Readonly<Record<string, string>>;
  export default messages;
}
