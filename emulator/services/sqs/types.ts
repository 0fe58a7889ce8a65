import type { Caller } from '../../core/types.js';

/** What an operation handler knows about its request besides the input. */
export interface OperationCall {
  region: string;
  caller: Caller;
  /** Aborts when the client goes away (ends a long poll without taking messages). */
  signal: AbortSignal;
}
