import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Timeouts and caps that keep a slow or hostile client from holding the server's sockets and memory. */
export interface ServerLimits {
  /** Time to receive a request's headers; a slow-loris connection is closed after it (ms). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included (ms); large uploads on loopback take seconds. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests (ms). */
  keepAliveTimeoutMs: number;
  /**
   * A socket with no traffic either way for this long is closed (ms). Above SQS's longest long poll
   * (20 s), which sends nothing while it waits.
   */
  idleTimeoutMs: number;
  /** Connections per client address that have not yet carried a verified signature. */
  maxUnauthenticatedConnections: number;
  /** Bytes of a non-S3 body read before its signature is known to come from a known key. */
  unverifiedBodyBytes: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 300_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  maxUnauthenticatedConnections: 256,
  unverifiedBodyBytes: 64 * 1024,
};

/** Node's http.Server options for the timeouts; the headers timeout is checked every second or faster. */
export function serverTimeoutOptions(limits: ServerLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    // Node refuses a headers timeout above the request timeout.
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

/**
 * Counts, per client address, the connections that have not carried a verified signature yet, and
 * closes a new one past the cap. A connection stops counting once a request on it is verified.
 */
export class ConnectionLimiter {
  private readonly unauthenticated = new Map<string, number>();
  private readonly pending = new WeakSet<Socket>();

  constructor(private readonly max: number) {}

  attach(server: Server, idleTimeoutMs: number): void {
    server.on('connection', (socket: Socket) => {
      if (idleTimeoutMs > 0) {
        socket.setTimeout(idleTimeoutMs);
        socket.once('timeout', () => socket.destroy());
      }
      const address = socket.remoteAddress ?? '';
      const count = (this.unauthenticated.get(address) ?? 0) + 1;
      if (count > this.max) {
        socket.destroy();
        return;
      }
      this.unauthenticated.set(address, count);
      this.pending.add(socket);
      socket.once('close', () => this.release(socket, address));
    });
  }

  /** A request on `socket` carried a verified signature. */
  authenticated(socket: Socket): void {
    this.release(socket, socket.remoteAddress ?? '');
  }

  /** Unauthenticated connections now open from `address` (for tests and diagnostics). */
  countOf(address: string): number {
    return this.unauthenticated.get(address) ?? 0;
  }

  private release(socket: Socket, address: string): void {
    if (!this.pending.has(socket)) return;
    this.pending.delete(socket);
    const left = (this.unauthenticated.get(address) ?? 1) - 1;
    if (left > 0) this.unauthenticated.set(address, left);
    else this.unauthenticated.delete(address);
  }
}
