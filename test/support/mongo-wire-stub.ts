import { createServer, type Server, type Socket } from 'node:net';
import { BSON, type Document } from 'bson';

/**
 * A MongoDB server on loopback that speaks just enough of the wire protocol for the driver: it
 * answers the handshake (`hello`/`isMaster`, legacy OP_QUERY or OP_MSG), `ping` and `buildInfo`
 * as a standalone MongoDB 7.0, and every other command with the error document the test set
 * (`failWith`), e.g. `{ok: 0, code: 91, codeName: 'ShutdownInProgress', errmsg: …}`. The real
 * driver talks to it over TCP: nothing of the driver is mocked.
 */
const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;
const HANDSHAKE = new Set(['hello', 'ismaster', 'isMaster']);

export class MongoWireStub {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private requestId = 1;
  private failure: Document = { ok: 1 };
  /** Names of the commands answered with the failure, in order. */
  readonly failed: string[] = [];
  port = 0;

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/?directConnection=true`;
  }

  /** The answer of every command other than the handshake, ping and buildInfo. */
  failWith(document: Document): void {
    this.failure = document;
  }

  async start(): Promise<void> {
    this.server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 16 && buffered.length >= buffered.readInt32LE(0)) {
        const length = buffered.readInt32LE(0);
        this.answer(socket, buffered.subarray(0, length));
        buffered = buffered.subarray(length);
      }
    });
  }

  private answer(socket: Socket, message: Buffer): void {
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    if (opCode === OP_QUERY) {
      // flags(4) fullCollectionName(cstring) numberToSkip(4) numberToReturn(4) query(document)
      let at = 20;
      while (message[at] !== 0) at++;
      const query = BSON.deserialize(message.subarray(at + 9));
      socket.write(this.reply(requestId, this.respond(query)));
    } else if (opCode === OP_MSG) {
      // flagBits(4), then section kind 0: the command document
      const command = BSON.deserialize(message.subarray(21, 21 + message.readInt32LE(21)));
      socket.write(this.msg(requestId, this.respond(command)));
    } else {
      socket.destroy();
    }
  }

  private respond(command: Document): Document {
    const name = Object.keys(command)[0] ?? '';
    if (HANDSHAKE.has(name)) {
      return {
        ok: 1,
        helloOk: true,
        isWritablePrimary: true,
        ismaster: true,
        maxBsonObjectSize: 16 * 1024 * 1024,
        maxMessageSizeBytes: 48_000_000,
        maxWriteBatchSize: 100_000,
        localTime: new Date(),
        logicalSessionTimeoutMinutes: 30,
        connectionId: this.requestId,
        minWireVersion: 0,
        maxWireVersion: 21,
        readOnly: false,
      };
    }
    if (name === 'ping' || name === 'endSessions') return { ok: 1 };
    if (name === 'buildInfo' || name === 'buildinfo') return { ok: 1, version: '7.0.0', versionArray: [7, 0, 0, 0] };
    this.failed.push(name);
    return this.failure;
  }

  private header(length: number, responseTo: number, opCode: number): Buffer {
    const header = Buffer.alloc(16);
    header.writeInt32LE(length, 0);
    header.writeInt32LE(this.requestId++, 4);
    header.writeInt32LE(responseTo, 8);
    header.writeInt32LE(opCode, 12);
    return header;
  }

  private reply(responseTo: number, document: Document): Buffer {
    const body = Buffer.from(BSON.serialize(document));
    const fields = Buffer.alloc(20); // responseFlags, cursorID (8), startingFrom, numberReturned
    fields.writeInt32LE(1, 16);
    return Buffer.concat([this.header(16 + 20 + body.length, responseTo, OP_REPLY), fields, body]);
  }

  private msg(responseTo: number, document: Document): Buffer {
    const body = Buffer.from(BSON.serialize(document));
    const flagsAndKind = Buffer.from([0, 0, 0, 0, 0]);
    return Buffer.concat([this.header(16 + 5 + body.length, responseTo, OP_MSG), flagsAndKind, body]);
  }
}
