import { request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { createHttpServer, listen } from '../../src/http/http-server.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken } from '../support/tokens.js';

/** Compressed, unauthenticated and slow request bodies. */
let t: TestApp;
let customerId: string;
const token = adminToken();
const logLines: { level: number; msg: string }[] = [];
let logged: Server;
let loggedPort: number;

beforeAll(async () => {
  t = await startTestApp();
  customerId = (await createCustomer(t.http)).customerId;
  // the app again with a logger the test reads (every level)
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  const logger = pino({ level: 'trace' }, sink);
  const app = createApp({ ...t.container, logger });
  logged = await listen(createHttpServer(app), 0, '127.0.0.1');
  loggedPort = (logged.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => logged.close(resolve));
  await t.close();
});

/** POSTs the bytes as they are (supertest would serialise a Buffer as JSON). */
function postRaw(
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; body: { success: boolean; message: string; errors: { field: string }[] } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        port: loggedPort,
        host: '127.0.0.1',
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const notePath = () => `/api/customers/${customerId}/notes`;
const note = Buffer.from(JSON.stringify({ note: 'compressed note' }));

describe('When a body is compressed', () => {
  test.each([
    ['gzip', gzipSync(note)],
    ['deflate', deflateSync(note)],
    ['br', brotliCompressSync(note)],
  ])('then valid %s data is read', async (encoding, body) => {
    const res = await postRaw(notePath(), { Authorization: `Bearer ${token}`, 'Content-Encoding': encoding }, body);
    expect(res.status).toBe(201);
  });

  test.each([
    ['gzip', Buffer.from('{"note":"not gzip at all"}')],
    ['gzip', gzipSync(note).subarray(0, 12)],
    ['deflate', Buffer.from('garbage garbage garbage')],
    ['br', Buffer.from('{"note":"not brotli"}')],
  ])('then malformed %s data is an invalid request naming the body, logged at most at info', async (encoding, body) => {
    logLines.length = 0;
    const res = await postRaw(notePath(), { Authorization: `Bearer ${token}`, 'Content-Encoding': encoding }, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, message: 'Malformed request body' });
    expect(res.body.errors[0]?.field).toBe('body');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.level > 30)).toEqual([]);
  });

  test.each(['compress', 'gzip, br', 'x-unknown'])(
    'when the Content-Encoding is %s, then the request is refused as unsupported media (415 envelope)',
    async (encoding) => {
      const res = await postRaw(notePath(), { Authorization: `Bearer ${token}`, 'Content-Encoding': encoding }, note);
      expect(res.status).toBe(415);
      expect(res.body.success).toBe(false);
    },
  );

  test('when credentials are missing, then a malformed compressed body is unauthenticated: credentials are checked first', async () => {
    const res = await postRaw(notePath(), { 'Content-Encoding': 'gzip' }, Buffer.from('not gzip'));
    expect(res.status).toBe(401);
  });
});

/** Opens a connection and sends `head` (request line and headers) and `body`; resolves with what the server answered and whether it closed. */
function slowRequest(port: number, head: string, body = ''): { socket: Socket; answer: Promise<{ text: string; closed: boolean }> } {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  const answer = new Promise<{ text: string; closed: boolean }>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    socket.on('close', () => resolve({ text, closed: true }));
    socket.on('error', () => undefined);
  });
  socket.write(head + body);
  return { socket, answer };
}

describe('When a client sends its body slowly', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // a small, deliberate request timeout for the test (the default is 30 s)
    server = await listen(createHttpServer(t.app, { headersTimeoutMs: 500, requestTimeoutMs: 1_500 }), 0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('when credentials are missing, then it is answered 401 before any of the body is sent, and the connection is closed', async () => {
    const { answer } = slowRequest(
      port,
      `POST ${notePath()} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
    );
    const { text, closed } = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 401 /);
    expect(text).toMatch(/connection: close/i);
    expect(closed).toBe(true);
  });

  test('when the service key on an internal route is wrong, then the same', async () => {
    const { answer } = slowRequest(
      port,
      `PATCH /api/customers/internal/${customerId}/statistics HTTP/1.1\r\nHost: x\r\nX-Service-API-Key: wrong-key-0123456789\r\n` +
        'Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n',
      '{"increment":',
    );
    const { text } = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 401 /);
  });

  test('when credentials are valid, then a body that never completes is cut off by the server (408) and the connection closed', async () => {
    const { socket, answer } = slowRequest(
      port,
      `POST ${notePath()} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
      '{"note":"',
    );
    // keep trickling a byte now and then, as a slow sender does, until the server gives up
    const trickle = setInterval(() => socket.writable && socket.write('a'), 200);
    const { text, closed } = await answer.finally(() => clearInterval(trickle));
    expect(closed).toBe(true);
    expect(text === '' || /^HTTP\/1\.1 408 /.test(text)).toBe(true);
  });

  test('then headers that never complete are cut off too', async () => {
    const { socket, answer } = slowRequest(port, `GET /health HTTP/1.1\r\nHost: x\r\n`);
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    const { closed } = await answer.finally(() => clearInterval(trickle));
    expect(closed).toBe(true);
  });

  test('when the service key is valid, then a complete body within the time is served', async () => {
    const res = await supertest(server)
      .patch(`/api/customers/internal/${customerId}/statistics`)
      .set('X-Service-API-Key', TEST_API_KEY)
      .send({ increment: { totalOrders: 1 } });
    expect(res.status).toBe(200);
  });
});

describe('When a JSON body declares its charset', () => {
  const notes = async () =>
    (await t.http.get(`/api/customers/${customerId}`).set('Authorization', `Bearer ${token}`).expect(200)).body.data.noteHistory as {
      note: string;
    }[];

  test.each(['utf-7', 'UTF-16', 'iso-8859-1', 'x-unknown'])(
    'then charset=%s is refused with a 415 envelope naming Content-Type, and nothing is written',
    async (charset) => {
      const before = (await notes()).length;
      // "+ADw-script+AD4-" is "<script>" in UTF-7
      const body = Buffer.from('{"note":"+ADw-script+AD4-alert(1)+ADw-/script+AD4-"}', 'latin1');
      const res = await postRaw(
        notePath(),
        { Authorization: `Bearer ${token}`, 'Content-Type': `application/json; charset=${charset}` },
        body,
      );
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ success: false, message: 'Unsupported media type', errors: [{ field: 'Content-Type' }] });
      expect(await notes()).toHaveLength(before);
    },
  );

  test.each(['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json'])(
    'then %s is accepted',
    async (contentType) => {
      const res = await postRaw(
        notePath(),
        { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
        Buffer.from(JSON.stringify({ note: 'Zoë wrote in UTF-8' })),
      );
      expect(res.status).toBe(201);
      expect((await notes()).at(-1)?.note).toBe('Zoë wrote in UTF-8');
    },
  );
});
