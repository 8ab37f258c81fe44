import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EQUALITY_LOOKUP_FIELDS } from '../../src/data/indexes.js';

/**
 * scripts/db.sh gives every collection table of the local FerretDB a PostgreSQL GIN index per field
 * CRMS looks documents up by equality (FerretDB v1's own indexes cannot serve those lookups).
 */
describe('When CRMS looks records up by equality on the local database', () => {
  test('when a field is added to the equality lookups, then scripts/db.sh indexes it too (the two lists are equal)', () => {
    const script = readFileSync(join(process.cwd(), 'scripts', 'db.sh'), 'utf8');
    const list = /^LOOKUP_FIELDS=\(([^)]*)\)$/m.exec(script)?.[1];
    expect(list?.split(/\s+/).filter(Boolean)).toEqual([...EQUALITY_LOOKUP_FIELDS]);
  });
});
