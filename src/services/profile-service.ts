import type { AuthClient, AuthUser } from '../clients/index.js';
import { SiblingUnavailableError } from '../clients/index.js';
import type { CustomerDocument } from '../data/customer-document.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { CustomerService } from './customer-service.js';

const USER_DATA = 'Unable to fetch user data';
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const CONTACT_NUMBER = /^[0-9+\-() ]{10,15}$/;

export const profileNotFound = () =>
  new NotFoundError('Customer profile not found', [
    { field: 'userId', message: 'No customer record exists for the authenticated user' },
  ]);

/**
 * The caller's own record (`GET /api/customers/me`), self-healing: the Auth Service's registration
 * call is fire-and-forget and can be lost, so a Customer without a record gets one created from the
 * Auth Service's user data. Concurrent requests of one user share one heal in this process; across
 * instances the unique `userId` index decides and the losers read the winner's record.
 */
export class ProfileService {
  private readonly healing = new Map<string, Promise<CustomerDocument>>();

  constructor(
    private readonly customers: CustomerService,
    private readonly auth: Pick<AuthClient, 'getUser'>,
  ) {}

  async own(user: { userId: string; role: 'customer' | 'administrator' }, requestId: string): Promise<CustomerDocument> {
    const doc = await this.customers.findByUserId(user.userId);
    if (doc) return doc;
    if (user.role !== 'customer') throw profileNotFound();
    let heal = this.healing.get(user.userId);
    if (!heal) {
      heal = this.heal(user.userId, requestId).finally(() => this.healing.delete(user.userId));
      this.healing.set(user.userId, heal);
    }
    return heal;
  }

  private async heal(userId: string, requestId: string): Promise<CustomerDocument> {
    const user = await this.auth.getUser(userId, { requestId });
    if (!user) throw profileNotFound();
    const body = recordFrom(userId, user);
    try {
      return await this.customers.create(body);
    } catch (err) {
      if (err instanceof ConflictError) {
        const existing = await this.customers.findByUserId(userId);
        if (existing) return existing;
      }
      if (err instanceof ValidationError) throw unusable(err.errors[0]?.message ?? 'invalid user data');
      throw err;
    }
  }
}

function recordFrom(userId: string, user: AuthUser) {
  if (user._id !== userId) throw unusable('the user has another id');
  const fullName = user.fullName.trim();
  if (!EMAIL.test(user.email.trim()) || fullName.length < 2 || fullName.length > 100) {
    throw unusable('the user has no usable email or name');
  }
  return {
    userId,
    email: user.email.trim(),
    fullName,
    // a contact number in a form CRMS does not accept is left out rather than failing the profile
    ...(user.contactNumber && CONTACT_NUMBER.test(user.contactNumber) ? { contactNumber: user.contactNumber } : {}),
  };
}

const unusable = (why: string) =>
  new SiblingUnavailableError('Auth Service', USER_DATA, 'contract', `Auth Service: unusable user data (${why})`);
