/**
 * The last region chosen in this browser (localStorage "console.region"). Read once per page load, so
 * a switch in another tab never changes this tab's region in the middle of a visit.
 */
const KEY = 'console.region';

let loaded: string | null | undefined;

export function rememberedRegion(): string | undefined {
  if (loaded === undefined) {
    try {
      loaded = localStorage.getItem(KEY);
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

export function rememberRegion(region: string): void {
  loaded = region;
  try {
    localStorage.setItem(KEY, region);
  } catch {
    // Private mode without storage: remembered for this page only.
  }
}
