import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { parseFields } from '../../src/domain/field-errors';
import { IdText, OptionalText, Text, normaliseIdentifier, textProblem } from '../../src/domain/text';
import { Uscc } from '../../src/domain/validators/uscc';
import { Booth } from '../../src/domain/validators/booth';
import { AccusedItem } from '../../src/domain/case/case';
import { fcSeed } from '../support/fc-seed';

const Form = z.object({ name: Text(1, 100), description: Text(1, 500, 'multi'), note: OptionalText(500, 'multi'), number: IdText(1, 40) });
const valid = { name: '某某公司', description: '侵权产品', number: 'ZL2019' };

const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f'];
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const hex = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

describe('the text rule', () => {
  test('[TX1] identifiers are trimmed and NFKC-folded before their format is checked', () => {
    expect(IdText(1, 40).parse(' ＺＬ２０１９　')).toBe('ZL2019');
    expect(Uscc.parse('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(Booth.parse({ hall: '１', stand: 'ａ０１' })).toEqual({ hall: '1', stand: 'A01' });
  });

  test('[TX2] free text is trimmed and NFC only: （），；。 stay as typed', () => {
    expect(Text(1, 100).parse('  某公司（深圳），分公司；第一。 ')).toBe('某公司（深圳），分公司；第一。');
    expect(AccusedItem.parse({ description: '包装（仿冒），标签；', evidenceIds: [] }).description).toBe('包装（仿冒），标签；');
    // Composed, not compatibility-folded: e + combining acute becomes é; ｆｕｌｌ stays full-width.
    expect(Text(1, 100).parse('Cafe\u0301 ｆｕｌｌ')).toBe('Café ｆｕｌｌ');
  });

  test('[TX3] control characters are refused with CONTROL_CHARACTER and the character', () => {
    for (const c of CONTROLS) {
      expect(parseFields(Form, { ...valid, description: `a${c}b` })).toEqual({ ok: false, errors: [{ field: 'description', code: 'CONTROL_CHARACTER', params: { char: hex(c), at: 1 } }] });
      expect(parseFields(Form, { ...valid, name: `a${c}b` })).toEqual({ ok: false, errors: [{ field: 'name', code: 'CONTROL_CHARACTER', params: { char: hex(c), at: 1 } }] });
      expect(parseFields(Form, { ...valid, number: `ZL${c}1` })).toEqual({ ok: false, errors: [{ field: 'number', code: 'CONTROL_CHARACTER', params: { char: hex(c), at: 2 } }] });
    }
  });

  test('[TX3] tab and newline are text in a multi-line field only', () => {
    expect(Form.parse({ ...valid, description: '第一行\n第二行\t二', note: 'a\nb' })).toMatchObject({ description: '第一行\n第二行\t二', note: 'a\nb' });
    for (const c of ['\t', '\n']) {
      expect(parseFields(Form, { ...valid, name: `a${c}b` })).toEqual({ ok: false, errors: [{ field: 'name', code: 'CONTROL_CHARACTER', params: { char: hex(c), at: 1 } }] });
    }
  });

  test('[TX4] a lone surrogate is refused with LONE_SURROGATE; a pair is a character', () => {
    expect(parseFields(Form, { ...valid, name: 'a\ud800' })).toEqual({ ok: false, errors: [{ field: 'name', code: 'LONE_SURROGATE', params: { char: 'U+D800', at: 1 } }] });
    expect(parseFields(Form, { ...valid, description: '\udc00x' })).toEqual({ ok: false, errors: [{ field: 'description', code: 'LONE_SURROGATE', params: { char: 'U+DC00', at: 0 } }] });
    expect(parseFields(Form, { ...valid, description: 'x\ud800\ud800\udc00' })).toEqual({ ok: false, errors: [{ field: 'description', code: 'LONE_SURROGATE', params: { char: 'U+D800', at: 1 } }] });
    expect(Text(1, 10).parse('𠮷野家')).toBe('𠮷野家');
  });

  test('[TX5] bidi embeddings, overrides and isolates are refused with BIDI_CONTROL; LRM and RLM are not', () => {
    for (const c of BIDI) {
      expect(parseFields(Form, { ...valid, name: `${c}gnp.exe` })).toEqual({ ok: false, errors: [{ field: 'name', code: 'BIDI_CONTROL', params: { char: hex(c), at: 0 } }] });
      expect(parseFields(Form, { ...valid, note: `x${c}` })).toEqual({ ok: false, errors: [{ field: 'note', code: 'BIDI_CONTROL', params: { char: hex(c), at: 1 } }] });
    }
    expect(Text(1, 10).parse('a\u200eb\u200fc')).toBe('a\u200eb\u200fc');
  });

  test('[TX6] the first refused character is named with its index in the normalised text', () => {
    expect(textProblem('  ab\u202e\u0000', 'single')).toEqual({ code: 'BIDI_CONTROL', char: 'U+202E', at: 4 });
    expect(parseFields(Text(1, 20), '  ab\u0000')).toEqual({ ok: false, errors: [{ field: '', code: 'CONTROL_CHARACTER', params: { char: 'U+0000', at: 2 } }] });
  });

  test('[TX7] text stored under the old NFKC rule parses again to itself', () => {
    const seed = fcSeed('[TX7]');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom<'single' | 'multi'>('single', 'multi'), (typed, lines) => {
        const stored = normaliseIdentifier(typed);
        // What the old rule stored: apart from the characters TX3–TX5 refuse, it parses unchanged.
        fc.pre(stored.length >= 1 && textProblem(stored, lines) === undefined);
        expect(Text(1, 1000, lines).parse(stored)).toBe(stored);
      }),
      { seed, numRuns: 2000 },
    );
  });
});
