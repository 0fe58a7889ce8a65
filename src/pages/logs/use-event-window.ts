import { useCallback, useEffect, useRef, useState } from 'react';
import { EventWindow, type EventPager, type WindowSnapshot } from '../../aws/logs/event-window';

/** Events held in memory at most, whatever the stream's length. */
export const MAX_EVENTS_IN_MEMORY = 2000;
const FOLLOW_MS = 1000;

export interface EventWindowState extends WindowSnapshot {
  isLoading: boolean;
  isLoadingOlder: boolean;
  isLoadingNewer: boolean;
  error: unknown;
  loadOlder: () => void;
  loadNewer: () => void;
  reload: () => void;
}

const EMPTY: WindowSnapshot = { events: [], hasOlder: false, hasDroppedNewer: false };

/**
 * A bounded event window over a pager, re-created when `key` changes; while `isPolling`, newer events
 * are asked for every second (a follow).
 */
export function useEventWindow(key: string, makePager: () => EventPager, isPolling: boolean): EventWindowState {
  const [snap, setSnap] = useState<WindowSnapshot>(EMPTY);
  const [isLoading, setLoading] = useState(true);
  const [isLoadingOlder, setLoadingOlder] = useState(false);
  const [isLoadingNewer, setLoadingNewer] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);
  const windowRef = useRef<EventWindow | undefined>(undefined);
  const busy = useRef(false);
  const makeRef = useRef(makePager);
  useEffect(() => {
    makeRef.current = makePager;
  });
  // A new view starts empty and loading (set while rendering, so no frame shows the old events).
  const viewKey = `${key}#${generation}`;
  const [shownKey, setShownKey] = useState(viewKey);
  if (shownKey !== viewKey) {
    setShownKey(viewKey);
    setSnap(EMPTY);
    setLoading(true);
    setError(undefined);
  }

  useEffect(() => {
    const controller = new AbortController();
    const w = new EventWindow(makeRef.current(), MAX_EVENTS_IN_MEMORY);
    windowRef.current = w;
    busy.current = true;
    w.loadInitial(controller.signal)
      .then((s) => {
        if (!controller.signal.aborted) setSnap(s);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        busy.current = false;
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key, generation]);

  const step = useCallback(async (direction: 'older' | 'newer', quiet = false) => {
    const w = windowRef.current;
    if (!w || busy.current) return;
    busy.current = true;
    const setBusy = direction === 'older' ? setLoadingOlder : setLoadingNewer;
    if (!quiet) setBusy(true);
    try {
      const added = direction === 'older' ? await w.loadOlder() : await w.loadNewer();
      if (windowRef.current === w && (added > 0 || !quiet)) setSnap(w.snapshot());
      if (windowRef.current === w) setError(undefined);
    } catch (e) {
      if (windowRef.current === w) setError(e);
    } finally {
      busy.current = false;
      if (!quiet) setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (!isPolling) return;
    const t = setInterval(() => void step('newer', true), FOLLOW_MS);
    return () => clearInterval(t);
  }, [isPolling, step, key, generation]);

  return {
    ...snap,
    isLoading,
    isLoadingOlder,
    isLoadingNewer,
    error,
    loadOlder: () => void step('older'),
    loadNewer: () => void step('newer'),
    reload: () => setGeneration((g) => g + 1),
  };
}
