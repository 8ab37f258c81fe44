import jwt, { type JwtPayload } from 'jsonwebtoken';
import { TEST_API_KEY, TEST_JWT_SECRET } from '../../support/tokens.js';
import { StubServer, type RecordedRequest, type StubAnswer } from './stub-server.js';

const ok = (message: string, data: unknown): StubAnswer => ({ status: 200, body: { success: true, message, data } });
const fail = (status: number, message: string): StubAnswer => ({ status, body: { success: false, message } });

/** The verified claims of the request's bearer token, or an error answer (as the siblings check it). */
function adminClaims(req: RecordedRequest): JwtPayload | StubAnswer {
  const header = req.headers['authorization'];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return fail(401, 'Authentication required');
  try {
    const claims = jwt.verify(header.slice(7), TEST_JWT_SECRET, { algorithms: ['HS256'] }) as JwtPayload;
    if (claims['role'] !== 'Administrator') return fail(403, 'Access denied');
    return claims;
  } catch {
    return fail(401, 'Invalid token');
  }
}
const isAnswer = (v: JwtPayload | StubAnswer): v is StubAnswer => 'status' in v && 'body' in v;

function paginate<T>(all: T[], page: number, size: number) {
  const totalPages = Math.ceil(all.length / size);
  return {
    items: all.slice((page - 1) * size, page * size),
    pagination: {
      currentPage: page,
      totalPages,
      totalItems: all.length,
      itemsPerPage: size,
      hasNextPage: page < totalPages,
      hasPreviousPage: page > 1,
    },
  };
}

export interface StubUser {
  _id: string;
  email: string;
  fullName: string;
  /** `null` or absent when the user gave none, as the real Auth Service answers. */
  contactNumber?: string | null;
  role: string;
  isActive: boolean;
  /** Registration time in any of the Auth Service's forms; absent when the key is left out. */
  createdAt?: string | number | null;
}

/** The registration time the stub's users have unless a test gives another (or none). */
export const STUB_USER_CREATED_AT = '2025-06-15T10:00:00.000Z';

/** The Auth Service as CRMS uses it: internal user lookup (service key), activate/deactivate (admin bearer). */
export class AuthStub extends StubServer {
  readonly users = new Map<string, StubUser>();

  constructor() {
    super((req) => this.answer(req));
  }

  addUser(user: Partial<StubUser> & { _id: string }): StubUser {
    const full: StubUser = {
      email: `${user._id}@example.com`,
      fullName: 'Stub User',
      role: 'Customer',
      isActive: true,
      createdAt: STUB_USER_CREATED_AT,
      ...user,
    };
    this.users.set(full._id, full);
    return full;
  }

  /** Activate/deactivate calls received, in order. */
  stateCalls(userId?: string) {
    return this.requests
      .filter((r) => r.method === 'PUT' && (!userId || r.path.includes(`/users/${userId}/`)))
      .map((r) => ({ action: r.path.endsWith('/activate') ? 'activate' : 'deactivate', request: r }));
  }

  private answer(req: RecordedRequest): StubAnswer {
    const internal = /^\/api\/internal\/user\/([^/]+)$/.exec(req.path);
    if (req.method === 'GET' && internal?.[1]) {
      if (req.headers['x-service-api-key'] !== TEST_API_KEY) return fail(401, 'Invalid service key');
      const user = this.users.get(decodeURIComponent(internal[1]));
      return user ? ok('User retrieved successfully', { user }) : fail(404, 'User not found');
    }
    const admin = /^\/api\/admin\/users\/([^/]+)\/(activate|deactivate)$/.exec(req.path);
    if (req.method === 'PUT' && admin?.[1]) {
      const claims = adminClaims(req);
      if (isAnswer(claims)) return claims;
      const user = this.users.get(admin[1]);
      if (!user) return fail(404, 'User not found');
      const target = admin[2] === 'activate';
      if (user.isActive === target) return fail(400, `User is already ${target ? 'active' : 'inactive'}`);
      user.isActive = target;
      return ok(`User ${target ? 'activated' : 'deactivated'} successfully`, { user });
    }
    return fail(404, 'Route not found');
  }
}

export interface StubOrder {
  orderId: string;
  customerId: string;
  orderDate: string;
  status: string;
  totalAmount: number;
  itemCount: number;
  /** Optional fields the real Order Service leaves `null` when unset. */
  paymentMethod?: string | null;
  shippingAddress?: Record<string, string> | null;
}

/** The Order Service's `GET /api/admin/orders` (admin bearer, unwrapped page). */
export class OrderStub extends StubServer {
  readonly orders: StubOrder[] = [];
  /** Simulates a broken Order Service that ignores `customer_id`. */
  ignoreCustomerFilter = false;

  override reset(): void {
    super.reset();
    this.ignoreCustomerFilter = false;
  }

  constructor() {
    super((req) => this.answer(req));
  }

  private answer(req: RecordedRequest): StubAnswer {
    if (req.method !== 'GET' || req.path !== '/api/admin/orders') return fail(404, 'Route not found');
    const claims = adminClaims(req);
    if (isAnswer(claims)) return claims;
    const page = Number(req.query.get('page') ?? '1');
    const size = Number(req.query.get('page_size') ?? '10');
    if (size > 100)
      return {
        status: 400,
        body: { success: false, message: 'Validation failed', errors: [{ field: 'page_size', message: 'page_size must be <= 100' }] },
      };
    const customer = req.query.get('customer_id');
    const status = req.query.get('order_status');
    const matching = this.orders.filter(
      (o) => (!customer || this.ignoreCustomerFilter || o.customerId === customer) && (!status || o.status === status),
    );
    return { status: 200, body: paginate(matching, page, size) };
  }
}

/** A complaint as the real Complaint Service serves it: unset optional fields are `null` (or absent). */
export interface StubComplaint {
  complaintId: string;
  customerId: string;
  orderId?: string | null;
  category?: string | null;
  subject: string;
  description?: string | null;
  status: string;
  priority?: string | null;
  createdAt: string;
  resolvedAt?: string | null;
}

/** The Complaint Service's list (admin bearer) and internal summary (service key). */
export class ComplaintStub extends StubServer {
  readonly complaints: StubComplaint[] = [];

  constructor() {
    super((req) => this.answer(req));
  }

  private answer(req: RecordedRequest): StubAnswer {
    if (req.method === 'GET' && req.path === '/api/complaints') {
      const claims = adminClaims(req);
      if (isAnswer(claims)) return claims;
      const page = Number(req.query.get('page') ?? '1');
      const limit = Number(req.query.get('limit') ?? '10');
      const customer = req.query.get('customerId');
      const mine = this.complaints.filter((c) => !customer || c.customerId === customer).map(({ customerId: _, ...c }) => c);
      const { items, pagination } = paginate(mine, page, limit);
      return ok('Complaints retrieved successfully', { complaints: items, pagination });
    }
    const summary = /^\/api\/internal\/customers\/([^/]+)\/complaints$/.exec(req.path);
    if (req.method === 'GET' && summary?.[1]) {
      if (req.headers['x-service-api-key'] !== TEST_API_KEY) return fail(401, 'Invalid service key');
      const mine = this.complaints.filter((c) => c.customerId === summary[1]);
      const open = mine.filter((c) => c.status !== 'Resolved' && c.status !== 'Closed').length;
      return ok('Customer complaints retrieved successfully', {
        customerId: summary[1],
        summary: {
          totalComplaints: mine.length,
          openComplaints: open,
          resolvedComplaints: mine.length - open,
          lastComplaintDate: mine.at(-1)?.createdAt ?? null,
        },
        complaints: mine.slice(0, 1),
        ...(mine.length > 0 ? { pagination: { currentPage: 1, totalPages: mine.length, totalItems: mine.length, itemsPerPage: 1 } } : {}),
      });
    }
    return fail(404, 'Route not found');
  }
}

export interface Siblings {
  auth: AuthStub;
  order: OrderStub;
  complaint: ComplaintStub;
  /** The environment that points CRMS at the stubs. */
  env: Record<string, string>;
  reset(): void;
  close(): Promise<void>;
}

/** Starts the three stubs; `SERVICE_TIMEOUT` short (tests of the deadline itself set a shorter one). */
export async function startSiblings(overrides: Record<string, string> = {}): Promise<Siblings> {
  const auth = new AuthStub();
  const order = new OrderStub();
  const complaint = new ComplaintStub();
  await Promise.all([auth.start(), order.start(), complaint.start()]);
  return {
    auth,
    order,
    complaint,
    env: {
      AUTH_SERVICE_URL: auth.url,
      ORDER_SERVICE_URL: order.url,
      COMPLAINT_SERVICE_URL: complaint.url,
      SERVICE_TIMEOUT: '2',
      SERVICE_BREAKER_THRESHOLD: '50',
      SERVICE_BREAKER_HALF_OPEN_SECONDS: '0.3',
      AUTH_SYNC_INTERVAL_MS: '40',
      ...overrides,
    },
    reset() {
      for (const stub of [auth, order, complaint]) stub.reset();
    },
    async close() {
      await Promise.all([auth.close(), order.close(), complaint.close()]);
    },
  };
}
