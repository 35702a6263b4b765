import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, setLocale } from '../../src/app/i18n/index';
import { syncMessages } from '../../src/app/screens/sync/sync.messages';
import { clockNote } from '../../src/app/lib/clock-note';
import { clockText, driftWarning } from '../../src/app/screens/sync/sync.data';
import type { Instant } from '../../src/domain/time';

/** What people read about the clock (SPEC.md SY13, SY17): the sync screen's fact and the note after a time. */
const HOUR = 3_600_000;
const AT = '2025-04-15T02:30:00.000Z' as Instant;

beforeAll(() => {
  addMessages(syncMessages);
  // setLocale names the page's language; Node has no page.
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
});
afterAll(() => {
  setLocale('zh-CN');
  vi.unstubAllGlobals();
});

describe('the sync screen\'s clock', () => {
  test('[SY13] the sync screen data says the measured offset and warns beyond DL9 only', () => {
    setLocale('zh-CN');
    const slow = { offsetMs: -3 * HOUR, roundTripMs: 40, at: AT };
    expect(clockText(slow, 'Asia/Shanghai')).toBe('比服务器慢 3 小时（2025-04-15 10:30 (UTC+8) 测得）');
    expect(clockText({ offsetMs: 125_000, roundTripMs: 40, at: AT }, 'Asia/Shanghai')).toBe('比服务器快 2 分钟（2025-04-15 10:30 (UTC+8) 测得）');
    expect(clockText(undefined, 'Asia/Shanghai')).toBe('尚未测得');
    expect(driftWarning(slow)).toBe(true);
    expect(driftWarning({ offsetMs: 119_000, roundTripMs: 40, at: AT })).toBe(false);
    setLocale('en');
    expect(clockText(slow, 'Asia/Shanghai')).toBe('3 h behind the server (measured 2025-04-15 10:30 (UTC+8))');
  });
});

describe('the note after a recorded time', () => {
  test('[SY17] an event recorded 3 h slow says so in both languages; within DL9 nothing is added', () => {
    setLocale('zh-CN');
    expect(clockNote(-3 * HOUR)).toBe('（本机时钟慢 3 小时）');
    expect(clockNote(2 * HOUR + 5 * 60_000)).toBe('（本机时钟快 2 小时 5 分钟）');
    expect(clockNote(-90_000)).toBe('');
    expect(clockNote(undefined)).toBe('');
    setLocale('en');
    expect(clockNote(-3 * HOUR)).toBe('(device clock 3 h slow)');
  });
});
