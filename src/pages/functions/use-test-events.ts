import { useCallback, useState } from 'react';
import {
  deleteEvent,
  exportEvents,
  importEvents,
  parseEventsFile,
  readSavedEvents,
  saveEvent,
  type SavedEvent,
} from '../../components/lambda/saved-events';

/** A function's saved test events (this browser only) as state, with save, delete, export and import. */
export function useTestEvents(region: string, name: string) {
  const key = `${region}/${name}`;
  const [events, setEvents] = useState<SavedEvent[]>(() => readSavedEvents(key));
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    setLoadedKey(key);
    setEvents(readSavedEvents(key));
  }
  const save = useCallback(
    (eventName: string, payload: string) => setEvents(saveEvent(key, eventName, payload)),
    [key],
  );
  const remove = useCallback((eventName: string) => setEvents(deleteEvent(key, eventName)), [key]);
  const importText = useCallback((text: string) => setEvents(importEvents(key, parseEventsFile(text))), [key]);
  const download = useCallback(() => {
    const blob = new Blob([exportEvents(name, readSavedEvents(key))], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}-test-events.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, [key, name]);
  return { events, save, remove, importText, download };
}
