import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface SetSearchOptions {
  /** Replace the history entry (typing in a filter) instead of pushing one (a deliberate navigation). */
  replace?: boolean;
}

/**
 * View state in the URL, so every view is a deep link: read and write some search params while keeping
 * the others (the region above all). An empty or undefined value removes the param.
 *   const [state, setState] = useSearchState(['q', 'state']);  setState({ state: 'running' })
 */
export function useSearchState<K extends string>(
  keys: readonly K[],
): [
  Record<K, string | undefined>,
  (patch: Partial<Record<K, string | undefined>>, options?: SetSearchOptions) => void,
] {
  const [params, setParams] = useSearchParams();
  const state = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>;
  const set = useCallback(
    (patch: Partial<Record<K, string | undefined>>, options: SetSearchOptions = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as Array<[string, string | undefined]>) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );
  return [state, set];
}

/** One search param as [value, setValue]. */
export function useSearchParam(
  key: string,
): [string | undefined, (value: string | undefined, options?: SetSearchOptions) => void] {
  const [state, set] = useSearchState([key]);
  const setOne = useCallback(
    (value: string | undefined, options?: SetSearchOptions) => set({ [key]: value }, options),
    [key, set],
  );
  return [state[key], setOne];
}
