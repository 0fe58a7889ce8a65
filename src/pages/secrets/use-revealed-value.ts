import { useCallback, useEffect, useRef, useState } from 'react';
import { getSecretValue, type RevealedValue } from '../../aws/secretsmanager/api';
import { failureMessage } from '../../aws/mutation';
import { useConsoleSession } from '../../app/session-context';

/** How long the tab may stay hidden before a shown value is dropped. */
export const HIDDEN_TAB_MS = 60_000;

export interface RevealTarget {
  versionId?: string;
  stage?: string;
}

export interface RevealedState {
  value: RevealedValue | undefined;
  isLoading: boolean;
  /** Why the reveal failed, naming the action; never the value. */
  failure: string | undefined;
  reveal: (target: RevealTarget) => void;
  hide: () => void;
}

/**
 * A secret's value in this component's memory only: never a query (no cache), never in the URL,
 * storage or a log. It is dropped on hide, when the secret changes, when the component unmounts
 * (navigation, sign-out), and after the tab has been hidden for a minute.
 */
export function useRevealedValue(region: string, secretId: string): RevealedState {
  const [value, setValue] = useState<RevealedValue | undefined>();
  const [isLoading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const request = useRef<AbortController | undefined>(undefined);
  const { denied } = useConsoleSession().aws;

  const hide = useCallback(() => {
    request.current?.abort();
    request.current = undefined;
    setValue(undefined);
    setLoading(false);
  }, []);

  const reveal = useCallback(
    (target: RevealTarget) => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setValue(undefined);
      setFailure(undefined);
      setLoading(true);
      getSecretValue({ region, secretId, ...target }, controller.signal).then(
        (v) => {
          if (controller.signal.aborted) return;
          setValue(v);
          setLoading(false);
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          denied.recordError(e, 'secretsmanager:GetSecretValue');
          setFailure(failureMessage(`reveal the value of ${secretId}`, e));
          setLoading(false);
        },
      );
    },
    [region, secretId, denied],
  );

  // Another secret or region: the old value must not linger under a new name.
  useEffect(() => hide, [region, secretId, hide]);

  useEffect(() => {
    if (!value) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onVisibility = () => {
      clearTimeout(timer);
      if (document.visibilityState === 'hidden') timer = setTimeout(hide, HIDDEN_TAB_MS);
    };
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [value, hide]);

  return { value, isLoading, failure, reveal, hide };
}
