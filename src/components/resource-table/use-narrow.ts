import { useSyncExternalStore } from 'react';

/** Under this width a list shows only the columns that identify and describe a row. */
export const NARROW_QUERY = '(max-width: 639px)';

const canMatch = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function';
function subscribe(onChange: () => void) {
  if (!canMatch()) return () => undefined;
  const mq = window.matchMedia(NARROW_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}
const isNarrowNow = () => canMatch() && window.matchMedia(NARROW_QUERY).matches;

/** Whether the viewport is phone-narrow (under 640 px); follows rotation and resizing. */
export function useIsNarrow(): boolean {
  return useSyncExternalStore(subscribe, isNarrowNow, () => false);
}
