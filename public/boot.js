// Runs before the app's modules, as a file rather than inline so the CSP can say script-src 'self'.
// Fetch the runtime config while the app's JS downloads (src/aws/config.ts picks this up).
window.__consoleConfig = fetch('/config.json', { cache: 'no-store' });
// The theme before the first paint (src/app/theme.ts keeps the same key), so a reload never flashes white.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('console.theme');
  } catch (e) {}
  var dark = choice === 'dark' || (choice !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark) document.documentElement.classList.add('dark');
})();
