import { buildSearchKeys, escapeRegex, phoneDigits, searchPrefixes } from '../../src/domain/search-keys.js';
import { searchableFieldsUpdate } from '../../src/data/customer-repository.js';

/** What an anchored prefix query over the keys matches, as MongoDB evaluates `{searchKeys: /^p/}`. */
const matches = (keys: string[], query: string) =>
  searchPrefixes(query).every((p) => keys.some((k) => new RegExp(`^${escapeRegex(p)}`).test(k)));

describe('When buildSearchKeys derives the keys of a customer', () => {
  test('then there are name words, the email, its local part and parts, the domain, and phone digits with and without country code', () => {
    expect(buildSearchKeys({ fullName: 'John Doe', email: 'John.Doe@Example.com', contactNumber: '+91 98765-43210' })).toEqual([
      'john',
      'doe',
      'john.doe@example.com',
      'john.doe',
      'example.com',
      '919876543210',
      '9876543210',
    ]);
  });

  test('then hyphenated and apostrophe names give the whole word and its parts, and whitespace runs are one separator', () => {
    expect(buildSearchKeys({ fullName: "  Mary-Jane   O'Neil ", email: 'mj@x.in' })).toEqual([
      'mary-jane',
      'mary',
      'jane',
      "o'neil",
      'o',
      'neil',
      'mj@x.in',
      'mj',
      'x.in',
    ]);
  });

  test('then Unicode is NFKC-normalised and lower-cased (full-width letters folded, Devanagari kept)', () => {
    expect(buildSearchKeys({ fullName: 'ＲＡＶＩ राज', email: 'r@e.in' })).toEqual(['ravi', 'राज', 'r@e.in', 'r', 'e.in']);
  });

  test('then a national number without country code is kept once, and no phone gives no digit keys', () => {
    expect(buildSearchKeys({ fullName: 'A B', email: 'a@b.c', contactNumber: '9123456789' })).toContain('9123456789');
    expect(buildSearchKeys({ fullName: 'A B', email: 'a@b.c', contactNumber: '9123456789' }).filter((k) => /^\d+$/.test(k))).toEqual([
      '9123456789',
    ]);
    expect(buildSearchKeys({ fullName: 'A B', email: 'a@b.c' }).some((k) => /^\d+$/.test(k))).toBe(false);
    expect(buildSearchKeys({ fullName: 'A B', email: 'a@b.c', contactNumber: '(---)' }).some((k) => /^\d+$/.test(k))).toBe(false);
  });

  test('then plus-addressed and underscored local parts are split, and keys are unique', () => {
    const keys = buildSearchKeys({ fullName: 'Anil Anil', email: 'anil_k+shop@mail.com' });
    expect(keys).toEqual(['anil', 'anil_k+shop@mail.com', 'anil_k+shop', 'k', 'shop', 'mail.com']);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('When searchPrefixes reads a query', () => {
  test('then there is one prefix per distinct word, lower-cased and trimmed', () => {
    expect(searchPrefixes('  John   DOE john ')).toEqual(['john', 'doe']);
  });

  test('when the query looks like a phone number (3 digits or more), then it becomes its digits', () => {
    expect(searchPrefixes('+91 98765-43210')).toEqual(['919876543210']);
    expect(searchPrefixes('(987) 654')).toEqual(['987654']);
  });

  test('when it has fewer than 3 digits, then it is not treated as a phone number', () => {
    expect(searchPrefixes('12')).toEqual(['12']);
  });

  test('when the input is punctuation only, then the words stay as typed (escaped later); a blank query leaves nothing', () => {
    expect(searchPrefixes('.*')).toEqual(['.*']);
    expect(searchPrefixes('   ')).toEqual([]);
  });
});

describe('When escapeRegex escapes a query', () => {
  test('then every metacharacter becomes a literal', () => {
    const nasty = '.*+?^${}()|[]\\/-';
    expect(new RegExp(`^${escapeRegex(nasty)}$`).test(nasty)).toBe(true);
    expect(new RegExp(`^${escapeRegex('.*')}`).test('then any string matches itself literally')).toBe(false);
  });
});

describe('When the search semantics are applied to the keys alone', () => {
  const john = buildSearchKeys({ fullName: 'John Doe', email: 'john.doe@example.com', contactNumber: '+919876543210' });
  test.each([
    ['joh', true],
    ['doe', true],
    ['john.d', true],
    ['JOHN DOE', true],
    ['john smith', false],
    ['9876543210', true],
    ['+919876543210', true],
    ['919876', true],
    ['876543210', false], // digits in the middle of the number are not a prefix of a key
    ['example.com', true],
    ['.*', false],
    ['oh', false],
  ])('when the query is %s, then it matches: %s', (query, expected) => {
    expect(matches(john, query)).toBe(expected);
  });
});

describe('When phoneDigits reads a number', () => {
  test('then only the digits are kept', () => expect(phoneDigits('+91 (98) 765-43210')).toBe('919876543210'));
});

describe('When searchableFieldsUpdate builds a write that changes name, email or phone (data-layer helper)', () => {
  const current = { fullName: 'John Doe', email: 'john.doe@example.com', contactNumber: '+919876543210' };

  test('then the keys are rebuilt from the new values merged over the current ones', () => {
    const u = searchableFieldsUpdate(current, { fullName: 'Jonathan Doe' });
    expect(u.$set).toEqual({ fullName: 'Jonathan Doe', searchKeys: buildSearchKeys({ ...current, fullName: 'Jonathan Doe' }) });
    expect(u.$unset).toEqual({});
  });

  test('when contactNumber is null, then the number is unset and its keys dropped (erasure)', () => {
    const u = searchableFieldsUpdate(current, { fullName: 'Erased Customer', email: 'erased-1@erased.invalid', contactNumber: null });
    expect(u.$unset).toEqual({ contactNumber: '' });
    expect(u.$set['searchKeys']).toEqual(['erased', 'customer', 'erased-1@erased.invalid', 'erased-1', '1', 'erased.invalid']);
    expect((u.$set['searchKeys'] as string[]).some((k) => k.includes('john') || k.includes('9876'))).toBe(false);
  });
});
