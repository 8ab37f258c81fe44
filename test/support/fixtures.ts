import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent.js';
import { TEST_API_KEY } from './tokens.js';

export const newUserId = () => randomBytes(12).toString('hex');

export interface SeedInput {
  userId?: string;
  email?: string;
  fullName?: string;
  contactNumber?: string;
  customerSince?: string;
}

/** Creates a customer through the internal API, as the Auth Service does on registration. */
export async function createCustomer(http: TestAgent, input: SeedInput = {}): Promise<{ customerId: string; userId: string }> {
  const userId = input.userId ?? newUserId();
  const res = await http
    .post('/api/customers/internal/create')
    .set('X-Service-API-Key', TEST_API_KEY)
    .send({
      userId,
      email: input.email ?? `user.${userId}@example.com`,
      fullName: input.fullName ?? 'Test Customer',
      ...(input.contactNumber ? { contactNumber: input.contactNumber } : {}),
      ...(input.customerSince ? { customerSince: input.customerSince } : {}),
    });
  if (res.status !== 201) throw new Error(`seed failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { customerId: res.body.data.customerId as string, userId };
}
