/**
 * DynamoDB's number rule (38 significant digits, magnitude 1E-130 to 1E+126) applied to what an update
 * computes, not only to what a request sends: dynalite checks PutItem's numbers but stores the result
 * of `ADD n :v` or `SET n = n + :v` unchecked.
 */

interface DynaliteDb {
  updateIndexes(store: unknown, table: unknown, existing: unknown, item: unknown, cb: (err?: unknown) => void): void;
  validationError(message: string): unknown;
}

/** Why DynamoDB would refuse to store this number (dynalite writes them as plain decimals), or null. */
export function numberProblem(value: string): string | null {
  const [int = '', frac = ''] = value.replace(/^[-+]/, '').split('.');
  const digits = `${int}${frac}`.replace(/^0+/, '');
  if (!digits) return null;
  const whole = int.replace(/^0+/, '');
  const exponent = whole ? whole.length - 1 : -(frac.length - frac.replace(/^0+/, '').length) - 1;
  if (exponent > 125) return 'Number overflow. Attempting to store a number with magnitude larger than supported range';
  if (exponent < -130)
    return 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
  if (digits.replace(/0+$/, '').length > 38) return 'Attempting to store more than 38 significant digits in a Number';
  return null;
}

/** The first number in an item (N, NS, inside M and L) that DynamoDB would refuse. */
function itemProblem(item: unknown): string | null {
  const stack: unknown[] = [item];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...(value as unknown[]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'N' && typeof v === 'string') {
          const problem = numberProblem(v);
          if (problem) return problem;
        } else if (key === 'NS' && Array.isArray(v)) {
          for (const n of v) {
            const problem = typeof n === 'string' ? numberProblem(n) : null;
            if (problem) return problem;
          }
        } else stack.push(v);
      }
    }
  }
  return null;
}

/**
 * Check every item dynalite is about to write: its write actions all pass through `updateIndexes` with
 * the new item, inside the item's lock, and answer its error through the callback (so the lock is freed).
 */
export function guardStoredNumbers(db: DynaliteDb): void {
  const original = db.updateIndexes.bind(db);
  db.updateIndexes = (store, table, existing, item, cb) => {
    const problem = item ? itemProblem(item) : null;
    if (problem) {
      cb(db.validationError(problem));
      return;
    }
    original(store, table, existing, item, cb);
  };
}
