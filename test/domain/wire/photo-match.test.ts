import { describe, expect, test } from 'vitest';
import { expectedPhotos, matchPhotos, photoCode } from '../../../src/domain/wire/photo-match';

/** The desk's check of a phone's photos against the hashes the complaint lists (PI9). */
const H = (c: string): string => c.repeat(64);
const complaint = {
  accusedItems: [
    { description: '蓝牙耳机', photos: [{ sha256: H('a'), name: 'IMG_1.jpg', bytes: 10 }, { sha256: H('b'), name: undefined, bytes: 11 }] },
    { description: '包装盒', photos: [{ sha256: H('c'), name: 'box.jpg', bytes: 12 }, { sha256: H('a'), name: 'IMG_1 again.jpg', bytes: 10 }] },
  ],
};

describe('photo matching', () => {
  test('the expected photos are listed item by item with their 8-character code, each hash once', () => {
    expect(expectedPhotos(complaint)).toEqual([
      { sha256: H('a'), code: 'aaaaaaaa', itemIndex: 0, itemDescription: '蓝牙耳机', name: 'IMG_1.jpg' },
      { sha256: H('b'), code: 'bbbbbbbb', itemIndex: 0, itemDescription: '蓝牙耳机', name: undefined },
      { sha256: H('c'), code: 'cccccccc', itemIndex: 1, itemDescription: '包装盒', name: 'box.jpg' },
    ]);
    expect(photoCode(H('d'))).toBe('dddddddd');
  });

  test('a file matches only when its hash is a listed one; the others are named as strangers', () => {
    const r = matchPhotos(expectedPhotos(complaint), [
      { sha256: H('c').toUpperCase(), file: 'box' },
      { sha256: H('e'), file: 'stranger' },
      { sha256: H('a'), file: 'first a' },
      { sha256: H('a'), file: 'second a' },
    ]);
    expect([...r.matched]).toEqual([[H('c'), 'box'], [H('a'), 'first a']]);
    expect(r.unmatched).toEqual(['stranger']);
  });

  test('a file taken for one line matches that line only, even when another line lists it', () => {
    const r = matchPhotos(expectedPhotos(complaint), [{ sha256: H('a'), file: 'a for line b' }], H('b'));
    expect(r.matched.size).toBe(0);
    expect(r.unmatched).toEqual(['a for line b']);
    expect([...matchPhotos(expectedPhotos(complaint), [{ sha256: H('b'), file: 'b' }], H('b')).matched]).toEqual([[H('b'), 'b']]);
  });

  test('a photo nobody listed matches nothing, with or without a line', () => {
    expect(matchPhotos([], [{ sha256: H('a'), file: 'x' }]).unmatched).toEqual(['x']);
    expect(matchPhotos(expectedPhotos(complaint), [{ sha256: H('f'), file: 'y' }], H('f')).unmatched).toEqual(['y']);
  });
});
