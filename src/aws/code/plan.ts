import { currentSessionEndpoint } from './session-endpoint';
import type { ApiCall, CodeService } from './call';
import { codeFor, scriptOf, type CodeSnippets } from './generate';

/**
 * A call an action is about to make: the same operation and input its api function sends (both come
 * from one input builder), so the preview never drifts from what is sent.
 */
export interface PlannedCall {
  service: CodeService;
  operation: string;
  input: Record<string, unknown>;
}

/** `input` is the SDK command's input, typed where it is built (an SDK input interface is an object). */
export function planned(service: CodeService, operation: string, input: object): PlannedCall {
  return { service, operation, input: input as Record<string, unknown> };
}

/** The planned calls in a region, against the session's endpoint for each service. */
export function toApiCalls(region: string, plans: readonly PlannedCall[]): ApiCall[] {
  return plans.map((p) => {
    const endpoint = currentSessionEndpoint(p.service);
    return { ...p, region, ...(endpoint ? { endpoint } : {}) };
  });
}

/** One call's code, or several calls as one script in each language. */
export function codeOfCalls(calls: readonly ApiCall[]): CodeSnippets | undefined {
  const [first] = calls;
  if (!first) return undefined;
  if (calls.length === 1) return codeFor(first);
  const steps = calls.map((call) => ({ call }));
  return { cli: scriptOf(steps, 'cli'), boto3: scriptOf(steps, 'boto3'), sdk: scriptOf(steps, 'sdk') };
}

export function codeOfPlan(region: string, plans: readonly PlannedCall[]): CodeSnippets | undefined {
  return codeOfCalls(toApiCalls(region, plans));
}
