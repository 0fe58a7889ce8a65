import { AwsError, DropConnection } from './errors.js';
import { parseFaultSpec } from './fault-spec.js';

/** A fault to apply to the next `count` calls of an operation (admin API: POST /_emulator/faults). */
export interface FaultSpec {
  /** Signing name of the service; any service when omitted. */
  service?: string;
  /** Operation name as the SDK names it (PutObject, ReceiveMessage, ...); '*' for every operation. */
  operation: string;
  /** How many calls to affect; default 1. */
  count?: number;
  /** Error to answer with: code plus HTTP status (default 400, or 503 for SlowDown/ServiceUnavailable). */
  error?: { code: string; status?: number; message?: string };
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /** Delay before handling, in ms. */
  latencyMs?: number;
}

interface ActiveFault extends Required<Pick<FaultSpec, 'operation'>> {
  id: number;
  service?: string;
  remaining: number;
  spec: FaultSpec;
}

const DEFAULT_STATUS: Record<string, number> = {
  SlowDown: 503,
  ServiceUnavailable: 503,
  InternalError: 500,
  InternalServerError: 500,
  ThrottlingException: 400,
  Throttling: 400,
  RequestLimitExceeded: 503,
  ProvisionedThroughputExceededException: 400,
  RequestThrottled: 403,
};

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(input: unknown): number {
    const spec = parseFaultSpec(input);
    const id = this.nextId++;
    this.faults.push({ id, operation: spec.operation, service: spec.service, remaining: spec.count ?? 1, spec });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Array<FaultSpec & { id: number; remaining: number }> {
    return this.faults.map((f) => ({ ...f.spec, id: f.id, remaining: f.remaining }));
  }

  /** Apply the first matching fault, if any, counting it down. */
  async apply(service: string, operation: string): Promise<void> {
    const fault = this.faults.find(
      (f) => (f.operation === '*' || f.operation === operation) && (!f.service || f.service === service),
    );
    if (!fault) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    const { spec } = fault;
    if (spec.latencyMs) await new Promise((r) => setTimeout(r, spec.latencyMs));
    if (spec.drop) throw new DropConnection();
    if (spec.error) {
      const status = spec.error.status ?? DEFAULT_STATUS[spec.error.code] ?? 400;
      throw new AwsError(spec.error.code, spec.error.message ?? `Injected fault: ${spec.error.code}`, status);
    }
  }
}
