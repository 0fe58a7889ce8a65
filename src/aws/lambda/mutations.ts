import { useAwsMutation } from '../mutation';
import { invokeFunction, type InvokeParams, type InvokeResult } from './invoke';

/**
 * Invoke a function. Nothing is invalidated: an invoke changes no configuration, and its logs are
 * followed by the log view's own polling.
 */
export function useInvokeFunction() {
  return useAwsMutation<InvokeParams, InvokeResult>({
    describe: (v) => `invoke ${v.name}${v.qualifier ? `:${v.qualifier}` : ''}`,
    mutationFn: (v) => invokeFunction(v),
    action: 'lambda:InvokeFunction',
  });
}
