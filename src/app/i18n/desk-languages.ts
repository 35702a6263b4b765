import { addLanguage } from './index';
import zh from './desk-dictionary?lang=zh-CN';
import en from './desk-dictionary?lang=en';

/**
 * The desk's dictionaries (`desk-dictionary.ts`), both languages, installed on import, before
 * the desk's first render: notices and printed reports say both at once (`tIn`), and a switch
 * shows the other language at once, offline. Each language is one plain key → text object the
 * build picks out of the side-by-side sources (`?lang=`, vite.config.ts), so a start loads and
 * evaluates one small module instead of some twenty messages files (P2).
 */
addLanguage('zh-CN', zh);
addLanguage('en', en);
