import type { AuthClient, AuthUser, CallContext } from '../clients/index.js';
import { registrationTime } from '../clients/index.js';
import type { CustomerRecord } from '../domain/customer-record.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { CreateCustomerBody } from './customer-input.js';
import type { CustomerService } from './customer-service.js';

export const profileNotFound = () =>
  new NotFoundError('Customer profile not found', [{ field: 'userId', message: 'No customer record exists for the authenticated user' }]);

/** Where each field of a new record comes from in the Auth Service's user (JSON pointer under `/data/user`). */
const AUTH_FIELD: Record<keyof CreateCustomerBody, string> = {
  userId: '/_id',
  email: '/email',
  fullName: '/fullName',
  contactNumber: '/contactNumber',
  customerSince: '/createdAt',
};

/**
 * The caller's own record (`GET /api/customers/me`, `/me/statistics`), self-healing: the Auth
 * Service's registration call is fire-and-forget and can be lost, and it never creates a record for
 * an administrator, so any user the Auth Service knows, whatever the role, gets a record created
 * from the Auth Service's user data under the rules of `POST …/internal/create`. Concurrent
 * requests of one user share one heal in this process; across instances the unique `userId` index
 * decides and the losers read the winner's record. The record of an administrator (the token's
 * role) is marked as such when created, or at the first call for one created before the mark
 * existed: the Auth Service's role is known only here, so that is where older records are marked.
 */
export class ProfileService {
  private readonly healing = new Map<string, Promise<CustomerRecord>>();

  constructor(
    private readonly customers: CustomerService,
    private readonly auth: Pick<AuthClient, 'getUser' | 'unusableUser'>,
  ) {}

  async own(user: { userId: string; role?: string }, requestId: string): Promise<CustomerRecord> {
    const administrator = user.role === 'administrator';
    const doc = await this.customers.findByUserId(user.userId);
    if (doc) return administrator && !doc.isAdministrator ? this.customers.markAdministrator(doc) : doc;
    let heal = this.healing.get(user.userId);
    if (!heal) {
      heal = this.heal(user.userId, administrator, { requestId }).finally(() => this.healing.delete(user.userId));
      this.healing.set(user.userId, heal);
    }
    return heal;
  }

  private async heal(userId: string, administrator: boolean, context: CallContext): Promise<CustomerRecord> {
    const user = await this.auth.getUser(userId, context);
    if (!user) throw profileNotFound();
    if (user._id !== userId) throw this.auth.unusableUser('/_id', 'is another user', context);
    try {
      return await this.customers.create(recordFrom(userId, user), { administrator });
    } catch (err) {
      if (err instanceof ConflictError) {
        const existing = await this.customers.findByUserId(userId);
        if (existing) return administrator && !existing.isAdministrator ? this.customers.markAdministrator(existing) : existing;
      }
      if (err instanceof ValidationError) {
        // what Auth answered breaks the rules of a new record: nothing is stored
        const [first] = err.errors;
        const field = AUTH_FIELD[first?.field as keyof CreateCustomerBody] ?? '';
        throw this.auth.unusableUser(field, first?.message ?? 'is invalid', context);
      }
      throw err;
    }
  }
}

/** The create body for the Auth user, as given; the create rules judge it. */
function recordFrom(userId: string, user: AuthUser): CreateCustomerBody {
  const customerSince = registrationTime(user);
  return {
    userId,
    email: user.email,
    fullName: user.fullName,
    ...(user.contactNumber !== null && user.contactNumber !== undefined ? { contactNumber: user.contactNumber } : {}),
    ...(customerSince !== undefined ? { customerSince } : {}),
  };
}
