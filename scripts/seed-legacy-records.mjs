// Seeds a database with customer records in the shapes the previous implementation wrote (issue 13),
// for rehearsing `make migrate`: node scripts/seed-legacy-records.mjs <mongodb-uri> <database> [count]
import { MongoClient, Int32, Double, ObjectId } from 'mongodb';
import { randomBytes } from 'node:crypto';
const [uri, dbName, nStr] = process.argv.slice(2);
const n = Number(nStr ?? 1000);
const c = new MongoClient(uri);
await c.connect();
const col = c.db(dbName).collection('customers');
const names = ['Asha Rao', 'Ravi Kumar', '', 'Priya Nair', 'Jean-Luc O’Neil'];
const docs = [];
for (let i = 0; i < n; i++) {
  const created = new Date(Date.UTC(2022, 0, 1) + i * 3600_000);
  const modified = new Date(created.getTime() + 86400_000);
  const d = {
    _id: new ObjectId(),
    userId: randomBytes(12).toString('hex'),
    email: `customer${i}@example.com`,
    fullName: names[i % 5],
    contactNumber: i % 4 === 0 ? '' : i % 4 === 1 ? '+91 98765 43210' : i % 4 === 2 ? null : `98765${String(10000 + i).slice(-5)}`,
    customerStatus: i % 10 === 0 ? 'Inactive' : 'Active',
    customerType: ['Regular', 'Premium', 'VIP'][i % 3],
    totalOrders: i % 2 ? new Int32(i % 40) : new Double(i % 40),
    totalOrderValue: new Double((i % 40) * 99.5),
    totalComplaints: new Int32(i % 3),
    openComplaints: new Int32(0),
    lastOrderDate: i % 3 ? created : null,
    lastComplaintDate: null,
    customerSince: created,
    notes:
      i % 5 === 0
        ? [{ note: `Called on ${created.toISOString().slice(0, 10)}`, addedBy: 'bbbbbbbbbbbbbbbbbbbbbbbb', addedAt: modified }]
        : null,
    tags: [],
    preferences: {},
    createdBy: null,
    updatedBy: null,
    metadata: { createdAt: created, createdBy: null, lastModifiedAt: modified, lastModifiedBy: null, loginCount: new Double(i % 7) },
  };
  if (i % 10 === 0)
    Object.assign(d.metadata, { deletedAt: new Date(modified.getTime() + 86400_000), deletedBy: 'bbbbbbbbbbbbbbbbbbbbbbbb' });
  docs.push(d);
}
await col.insertMany(docs);
console.log(`seeded ${n} legacy customer records into ${dbName}`);
await c.close();
