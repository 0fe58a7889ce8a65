import { useState } from 'react';

/**
 * Each opening of a dialog starts clean: `reset` runs in the render where `open` turns true (React's
 * "adjust state when a prop changes"), so the first frame already shows the empty form, never the last one.
 * `reset` may set only the calling component's own state.
 */
export function useResetOnOpen(open: boolean, reset: () => void): void {
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) reset();
  }
}
