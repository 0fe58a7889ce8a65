/**
 * The console pages `npm run bench` measures. A page plugs in with one line: its path, whether it needs
 * a signed-in user, the performance mark it sets when its first data is on screen (console-contract.md),
 * and the name prefix of its lazy chunk in the build (assets/<chunk>-*.js).
 */
export interface PageScenario {
  name: string;
  path: string;
  signedIn: boolean;
  /** performance.mark name set once the page shows its first data (or is ready, for a page without data). */
  mark: string;
  chunk: string;
}

export const PAGE_SCENARIOS: PageScenario[] = [
  { name: 'sign-in', path: '/signin', signedIn: false, mark: 'ready:signin', chunk: 'signin-page' },
  { name: 'dashboard', path: '/dashboard', signedIn: true, mark: 'first-data:dashboard', chunk: 'dashboard-page' },
  { name: 'buckets', path: '/buckets', signedIn: true, mark: 'first-data:buckets', chunk: 'buckets-page' },
  { name: 'objects', path: '/buckets/demo-assets', signedIn: true, mark: 'first-data:objects', chunk: 'objects-page' },
  { name: 'instances', path: '/instances', signedIn: true, mark: 'first-data:instances', chunk: 'instances-page' },
  { name: 'tables', path: '/tables', signedIn: true, mark: 'first-data:tables', chunk: 'tables-page' },
  {
    name: 'table (seeded Orders)',
    path: '/tables/Orders',
    signedIn: true,
    mark: 'first-data:table',
    chunk: 'table-page',
  },
  { name: 'queues', path: '/queues', signedIn: true, mark: 'first-data:queues', chunk: 'queues-page' },
  { name: 'secrets', path: '/secrets', signedIn: true, mark: 'first-data:secrets', chunk: 'secrets-page' },
  { name: 'functions', path: '/functions', signedIn: true, mark: 'first-data:functions', chunk: 'functions-page' },
  {
    name: 'logs (seeded echo group)',
    path: '/logs?group=%2Faws%2Flambda%2Fecho&range=1d',
    signedIn: true,
    mark: 'first-data:logs',
    chunk: 'logs-page',
  },
];
