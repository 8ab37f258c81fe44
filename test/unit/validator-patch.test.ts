import { createRequire } from 'node:module';
import url from 'node:url';
import { describe, expect, test } from '@jest/globals';

/**
 * patches/express-openapi-validator+5.6.2.patch replaces the validator's `url.parse(originalUrl).query`
 * by a plain slice for ordinary targets. The query string it hands on must be exactly the one
 * url.parse gave, for every target: here on the edge cases and on random targets.
 */
const require = createRequire(import.meta.url);
const { queryOf } = require('express-openapi-validator/dist/middlewares/parsers/req.parameter.mutator.js') as {
  queryOf: (target: string) => string | null;
};

/** url.parse's answer, or 'throws' (the patched code must then throw too). */
function legacy(target: string): string | null {
  return url.parse(target).query;
}
function outcome(run: () => string | null): string | null {
  try {
    return run();
  } catch {
    return '<throws>';
  }
}

const EDGE_CASES = [
  '/api/customers',
  '/api/customers?',
  '/api/customers?page=2&limit=10',
  '/api/customers?search=a%20b&sortBy=fullName',
  '/api/customers?q=x#fragment',
  '/api/customers#frag?not=query',
  "/api/customers?search=O'Brien",
  '/api/customers?search=a b',
  '/api/customers?search=a\u00a0',
  '/api/customers?search=é',
  '/api/customers?x=<script>',
  '/api/customers?x={"a":1}',
  '/api\\customers?x=1',
  '//evil.example/api?x=1',
  'http://host.example/api/customers?x=1',
  '*',
  '/?=&=',
];

describe('When the validator patch reads the query string of a request target, then it is the one url.parse gives', () => {
  test.each(EDGE_CASES)('then %j is read as url.parse reads it', (target) => {
    expect(outcome(() => queryOf(target))).toEqual(outcome(() => legacy(target)));
  });

  test('then 50,000 random targets are read as url.parse reads them', () => {
    const alphabet = [
      ...'abcXYZ019/?#&=%+;:@!$()*,.~-_[]',
      ...'\t\n\r "\'<>\\^`{|}',
      '\u00e9',
      '\u00a0',
      '\ufeff',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u2028',
    ];
    let seed = 20261124;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const differences: string[] = [];
    for (let i = 0; i < 50_000; i += 1) {
      let target = random() < 0.95 ? '/' : random() < 0.5 ? '' : 'http://h';
      const length = Math.floor(random() * 30);
      for (let j = 0; j < length; j += 1) target += alphabet[Math.floor(random() * alphabet.length)];
      if (outcome(() => queryOf(target)) !== outcome(() => legacy(target))) differences.push(JSON.stringify(target));
    }
    expect(differences).toEqual([]);
  });
});
