import { MongoClient, MongoServerError, type Db } from 'mongodb';
import { ensureIndexes, USER_ID_INDEX_PARTIAL, USER_ID_INDEX_PLAIN } from '../../src/data/indexes.js';
import { testEnv, testMongoUri } from '../support/harness.js';

/**
 * The unique index on `userId` (ADR 0007): partial where the database builds partial indexes
 * (MongoDB), the plain unique index where it does not (FerretDB v1), found out by trying. Either way
 * records without a user id coexist and two records of one user do not.
 */
let client: MongoClient;
let db: Db;
let supportsPartial: boolean;

beforeAll(async () => {
  client = await MongoClient.connect(testMongoUri());
  db = client.db(String(testEnv()['MONGODB_DB_NAME']));
  // what the database says when asked for a partial index, independently of the code under test
  try {
    await db.collection('probe').createIndex({ a: 1 }, { name: 'probe', partialFilterExpression: { a: { $gt: '' } } });
    supportsPartial = true;
  } catch (err) {
    expect(err).toBeInstanceOf(MongoServerError);
    supportsPartial = false;
  }
});
afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

const userIdIndexes = async () =>
  (await db.collection('customers').listIndexes().toArray())
    .filter((i) => JSON.stringify(i['key']) === JSON.stringify({ userId: 1 }))
    .map((i) => ({ name: i['name'] as string, unique: i['unique'] === true, partial: i['partialFilterExpression'] as unknown }));

describe('When the indexes are ensured', () => {
  test('Then userId has one unique index: partial on non-empty strings where the database supports it, plain otherwise', async () => {
    await ensureIndexes(db);
    await ensureIndexes(db); // a restart over an existing database changes nothing
    expect(await userIdIndexes()).toEqual([
      supportsPartial
        ? { name: USER_ID_INDEX_PARTIAL.name, unique: true, partial: { userId: { $gt: '' } } }
        : { name: USER_ID_INDEX_PLAIN.name, unique: true, partial: undefined },
    ]);
  });

  test('Then records without a user id coexist (also null and empty ones where partial), and a second record of one user is refused', async () => {
    const customers = db.collection('customers');
    await customers.insertMany([{ email: 'a@example.com' }, { email: 'b@example.com' }]);
    if (supportsPartial) await customers.insertMany([{ userId: null }, { userId: null }, { userId: '' }, { userId: '' }]);
    else await expect(customers.insertMany([{ userId: null }, { userId: null }])).rejects.toMatchObject({ code: 11000 });
    await customers.insertOne({ userId: 'user-1' });
    await expect(customers.insertOne({ userId: 'user-1' })).rejects.toMatchObject({ code: 11000 });
    await customers.deleteMany({});
  });

  test('Then a database with the plain index of an earlier release gets the partial one instead, where supported', async () => {
    const customers = db.collection('customers');
    await customers.dropIndexes();
    await customers.createIndex({ userId: 1 }, { name: USER_ID_INDEX_PLAIN.name ?? '', unique: true });
    await ensureIndexes(db);
    expect((await userIdIndexes()).map((i) => i.name)).toEqual([supportsPartial ? USER_ID_INDEX_PARTIAL.name : USER_ID_INDEX_PLAIN.name]);
  });
});
