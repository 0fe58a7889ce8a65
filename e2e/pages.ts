/**
 * Every signed-in console page, for the checks all pages share (heading, axe in both themes, deep link).
 * A new page adds one line: a path that shows it with seeded data, and its h1.
 */
export const CONSOLE_PAGES: Array<{ name: string; path: string; heading: string }> = [
  { name: 'dashboard', path: '/dashboard', heading: 'Dashboard' },
  { name: 'queues', path: '/queues', heading: 'Queues' },
  { name: 'queue', path: '/queues/orders-dlq?tab=dead-letter', heading: 'orders-dlq' },
  { name: '404', path: '/no/such/page', heading: 'Page not found' },
];
