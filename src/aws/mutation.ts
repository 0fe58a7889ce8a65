import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { toAppError } from './errors';
import { currentSession } from './session';

/** "Could not stop i-0abc: your role does not allow ec2:StopInstances on arn:…" */
export function failureMessage(what: string, error: unknown): string {
  const e = toAppError(error);
  if (e.kind === 'forbidden' && e.action)
    return `Could not ${what}: your role does not allow ${e.action}${e.resource ? ` on ${e.resource}` : ''}`;
  if (e.kind === 'forbidden') return `Could not ${what}: access denied (${e.message})`;
  return `Could not ${what}: ${e.message}`;
}

export interface AwsMutationOptions<TVars, TData, TContext> {
  /** What the user asked for, in words: "stop i-0abc", "delete 3 objects". */
  describe: (vars: TVars) => string;
  mutationFn: (vars: TVars) => Promise<TData>;
  /** Query key prefixes to refetch once the call settles (success or failure: the page shows the true state). */
  invalidates?: (vars: TVars, data: TData | undefined) => readonly QueryKey[];
  /** The IAM action, recorded as denied if AWS refuses without naming it. */
  action?: string | ((vars: TVars) => string);
  /** A plainer sentence for a failure the service is known to give (undefined: the usual one). */
  explain?: (error: unknown, vars: TVars) => string | undefined;
  onMutate?: (vars: TVars) => Promise<TContext> | TContext;
  onSuccess?: (data: TData, vars: TVars, context: TContext | undefined) => unknown;
  onError?: (error: unknown, vars: TVars, context: TContext | undefined) => unknown;
}

export type AwsMutation<TVars, TData, TContext> = UseMutationResult<TData, Error, TVars, TContext> & {
  /** The failure as a sentence naming the action and the resource, or undefined. */
  failure: string | undefined;
};

/**
 * The one way the console changes things in AWS. On settle it invalidates by key prefix and waits for
 * the refetch, so `isPending` covers it and the page never shows stale rows; a denial is remembered so
 * the button can be disabled with the reason; the failure reads as a sentence that names what failed.
 */
export function useAwsMutation<TVars, TData = unknown, TContext = unknown>(
  options: AwsMutationOptions<TVars, TData, TContext>,
): AwsMutation<TVars, TData, TContext> {
  const queryClient = useQueryClient();
  const mutation = useMutation<TData, Error, TVars, TContext>({
    mutationFn: options.mutationFn,
    ...(options.onMutate ? { onMutate: options.onMutate } : {}),
    onError: (error, vars, context) => {
      const action = typeof options.action === 'function' ? options.action(vars) : options.action;
      currentSession().denied.recordError(error, action);
      return options.onError?.(error, vars, context);
    },
    onSuccess: (data, vars, context) => options.onSuccess?.(data, vars, context),
    onSettled: async (data, _error, vars) => {
      const keys = options.invalidates?.(vars, data) ?? [];
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
  const vars = mutation.variables as TVars;
  const failure = mutation.error
    ? (options.explain?.(mutation.error, vars) ?? failureMessage(options.describe(vars), mutation.error))
    : undefined;
  return Object.assign(mutation, { failure });
}
