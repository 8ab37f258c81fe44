import type { Faker } from '@faker-js/faker';
import { faker as fakerEN_IN } from '@faker-js/faker/locale/en_IN';
import type { CustomerStatus, CustomerType } from '../domain/customer-record.js';

/** One demo customer: what the Auth Service registers, then what siblings and administrators add. */
export interface DemoCustomer {
  registration: { userId: string; email: string; fullName: string; contactNumber?: string; customerSince: string };
  statistics: {
    totalOrders: number;
    totalOrderValue: number;
    totalComplaints: number;
    openComplaints: number;
    lastOrderDate?: string;
    lastComplaintDate?: string;
  };
  customerType: CustomerType;
  customerStatus: CustomerStatus;
  statusReason?: string;
  tags: string[];
  preferences: { newsletter: boolean; notifications: boolean; language: string };
  notes: string[];
}

const DAY_MS = 24 * 3600 * 1000;
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.co.in', 'outlook.com', 'rediffmail.com', 'hotmail.com'];
const LANGUAGES = ['en', 'en', 'en', 'hi', 'ta', 'te', 'bn', 'mr', 'kn'];
const TAGS = ['festive-shopper', 'bulk-buyer', 'mobile-app', 'prefers-cod', 'high-returns', 'corporate', 'early-adopter', 'referral'];
const NOTES = [
  'Called about a delayed delivery; promised an update within 24 hours.',
  'Prefers delivery after 6 pm on weekdays.',
  'Asked for GST invoices on every order.',
  'Refund for a damaged item processed as store credit at their request.',
  'Interested in the Diwali pre-order campaign.',
  'Requested that marketing calls stop; e-mail is fine.',
  'Repeat buyer of kitchen appliances; offered an extended warranty.',
  'Address verified after two failed delivery attempts.',
];
const STATUS_REASONS: Record<Exclude<CustomerStatus, 'Active'>, string[]> = {
  Inactive: ['No orders for over a year', 'Asked to close the account'],
  Suspended: ['Repeated chargebacks under review', 'Suspicious activity reported by the payments team'],
};

/** An Indian mobile number in one of the ways people type it (the Auth Service stores it as given). */
function mobileNumber(f: Faker): string | undefined {
  const national = `${f.helpers.arrayElement(['6', '7', '8', '9'])}${f.string.numeric(9)}`;
  return f.helpers.weightedArrayElement([
    { weight: 50, value: `+91${national}` },
    { weight: 25, value: `+91 ${national.slice(0, 5)} ${national.slice(5)}` },
    { weight: 15, value: national },
    { weight: 10, value: undefined },
  ]);
}

/**
 * Demo customer number `index`: the same index always gives the same person (names, ids, numbers),
 * dates are relative to `now`. Statistics are consistent (open ≤ total complaints, a last-order date
 * only with orders); higher tiers order more.
 */
export function demoCustomer(index: number, now: Date = new Date()): DemoCustomer {
  const f = fakerEN_IN;
  f.seed(index + 1);
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  const userId = f.database.mongodbObjectId();
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
  const email = `${local}${index}@${f.helpers.arrayElement(DOMAINS)}`;
  const contactNumber = mobileNumber(f);
  // three years of sign-ups, a few in the last month
  const ageDays = f.datatype.boolean(0.06) ? f.number.float({ min: 0.1, max: 30 }) : f.number.float({ min: 1, max: 3 * 365 });
  const customerSince = new Date(now.getTime() - ageDays * DAY_MS);
  const customerType = f.helpers.weightedArrayElement<CustomerType>([
    { weight: 80, value: 'Regular' },
    { weight: 15, value: 'Premium' },
    { weight: 5, value: 'VIP' },
  ]);
  const customerStatus = f.helpers.weightedArrayElement<CustomerStatus>([
    { weight: 86, value: 'Active' },
    { weight: 10, value: 'Inactive' },
    { weight: 4, value: 'Suspended' },
  ]);
  const tier = customerType === 'VIP' ? 6 : customerType === 'Premium' ? 2.5 : 1;
  const totalOrders = f.datatype.boolean(0.15) ? 0 : Math.round(f.number.int({ min: 1, max: 12 }) * tier);
  const totalOrderValue = Math.round(totalOrders * f.number.float({ min: 199, max: 4999 }) * 100) / 100;
  const totalComplaints = totalOrders > 0 && f.datatype.boolean(0.25) ? f.number.int({ min: 1, max: Math.min(5, totalOrders) }) : 0;
  const openComplaints = totalComplaints > 0 ? f.number.int({ min: 0, max: Math.min(2, totalComplaints) }) : 0;
  const since = (days: number) => new Date(now.getTime() - f.number.float({ min: 0, max: days }) * DAY_MS).toISOString();
  const tags = f.helpers.arrayElements(TAGS, { min: 0, max: 2 });
  if (customerType === 'VIP') tags.unshift('vip');
  return {
    registration: {
      userId,
      email,
      fullName: `${firstName} ${lastName}`,
      ...(contactNumber ? { contactNumber } : {}),
      customerSince: customerSince.toISOString(),
    },
    statistics: {
      totalOrders,
      totalOrderValue,
      totalComplaints,
      openComplaints,
      ...(totalOrders > 0 ? { lastOrderDate: since(ageDays) } : {}),
      ...(totalComplaints > 0 ? { lastComplaintDate: since(ageDays) } : {}),
    },
    customerType,
    customerStatus,
    ...(customerStatus !== 'Active' ? { statusReason: f.helpers.arrayElement(STATUS_REASONS[customerStatus]) } : {}),
    tags,
    preferences: {
      newsletter: f.datatype.boolean(0.3),
      notifications: f.datatype.boolean(0.9),
      language: f.helpers.arrayElement(LANGUAGES),
    },
    notes: f.helpers.arrayElements(NOTES, { min: 0, max: 2 }),
  };
}
