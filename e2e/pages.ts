/**
 * Every signed-in console page, for the checks all pages share (heading, axe in both themes, deep link).
 * A new page adds one line: a path that shows it with seeded data, and its h1.
 */
export const CONSOLE_PAGES: Array<{ name: string; path: string; heading: string }> = [
  { name: 'dashboard', path: '/dashboard', heading: 'Dashboard' },
  { name: 'queues', path: '/queues', heading: 'Queues' },
  { name: 'queue', path: '/queues/orders-dlq?tab=dead-letter', heading: 'orders-dlq' },
  { name: 'buckets', path: '/buckets', heading: 'Buckets' },
  {
    name: 'bucket',
    path: '/buckets/demo-assets?prefix=docs%2Fnotes%2F&object=docs%2Fnotes%2Fnote-01.txt',
    heading: 'notes/',
  },
  { name: 'unfinished uploads', path: '/buckets/demo-assets/uploads', heading: 'Unfinished uploads' },
  { name: 'secrets', path: '/secrets', heading: 'Secrets' },
  { name: 'secret', path: '/secrets/prod%2Fdatabase%2Fpostgres', heading: 'prod/database/postgres' },
  { name: 'functions', path: '/functions', heading: 'Functions' },
  { name: 'function', path: '/functions/echo?tab=configuration', heading: 'echo' },
  { name: 'logs', path: '/logs', heading: 'Logs' },
  { name: '404', path: '/no/such/page', heading: 'Page not found' },
];
