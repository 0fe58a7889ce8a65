// Saved test events live in this browser's localStorage only: they are never sent anywhere.

export interface SavedEvent {
  name: string;
  /** The payload as typed (JSON text). */
  payload: string;
  /** Epoch ms. */
  savedAt: number;
}

/** The file format of an export, so an import can tell a test-event file from any other JSON. */
export const EXPORT_FORMAT = 'aws-console/lambda-test-events';
const MAX_NAME = 100;

const keyOf = (fn: string) => `console.lambda.events.${fn}`;

/** Events saved for a function (keyed by region and name), newest first. */
export function readSavedEvents(fn: string): SavedEvent[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(keyOf(fn)) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isSavedEvent).sort((a, b) => b.savedAt - a.savedAt) : [];
  } catch {
    // Unreadable or blocked storage: show none rather than breaking the page.
    return [];
  }
}

function write(fn: string, events: SavedEvent[]): void {
  localStorage.setItem(keyOf(fn), JSON.stringify(events));
}

function isSavedEvent(v: unknown): v is SavedEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.name === 'string' && typeof e.payload === 'string' && typeof e.savedAt === 'number';
}

/** A name problem in words, or undefined when the name is fine. */
export function checkEventName(name: string): string | undefined {
  const n = name.trim();
  if (!n) return 'Give the event a name.';
  if (n.length > MAX_NAME) return `The name is ${n.length} characters; at most ${MAX_NAME}.`;
  return undefined;
}

/** Save (or replace, by name) an event; the payload must be JSON. */
export function saveEvent(fn: string, name: string, payload: string, now = Date.now()): SavedEvent[] {
  const problem = checkEventName(name);
  if (problem) throw new Error(problem);
  try {
    JSON.parse(payload);
  } catch (e) {
    throw new Error(`The payload is not JSON: ${(e as Error).message}`);
  }
  const events = readSavedEvents(fn).filter((e) => e.name !== name.trim());
  const next = [{ name: name.trim(), payload, savedAt: now }, ...events];
  write(fn, next);
  return next;
}

export function deleteEvent(fn: string, name: string): SavedEvent[] {
  const next = readSavedEvents(fn).filter((e) => e.name !== name);
  write(fn, next);
  return next;
}

/** The function's events as a file the user can keep or share. */
export function exportEvents(functionName: string, events: SavedEvent[]): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, function: functionName, events }, null, 2)}\n`;
}

/** Events from an exported file, or an error that says what is wrong with it. */
export function parseEventsFile(text: string): SavedEvent[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`The file is not JSON: ${(e as Error).message}`);
  }
  const d = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT)
    throw new Error(`The file is not a test-event export (its "format" is not "${EXPORT_FORMAT}").`);
  if (!Array.isArray(d.events)) throw new Error('The file has no "events" list.');
  return d.events.map((e, i) => {
    if (!isSavedEvent(e)) throw new Error(`Event ${i + 1} needs a "name", a "payload" text and a "savedAt" time.`);
    const problem = checkEventName(e.name);
    if (problem) throw new Error(`Event ${i + 1}: ${problem}`);
    try {
      JSON.parse(e.payload);
    } catch {
      throw new Error(`Event ${i + 1} ("${e.name}"): its payload is not JSON.`);
    }
    return { name: e.name.trim(), payload: e.payload, savedAt: e.savedAt };
  });
}

/** Merge imported events into the saved ones (an imported name replaces the saved one). */
export function importEvents(fn: string, incoming: SavedEvent[]): SavedEvent[] {
  const names = new Set(incoming.map((e) => e.name));
  const next = [...incoming, ...readSavedEvents(fn).filter((e) => !names.has(e.name))];
  write(fn, next);
  return readSavedEvents(fn);
}
