export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A plain, accessible page shell for the sign-in pages (no external resources; the empty icon keeps the
 * browser from asking the emulator for /favicon.ico, which S3 would refuse as an anonymous GetObject).
 * It follows the system's dark mode, so signing in between dark console pages does not flash white.
 */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>
:root{color-scheme:light dark;--page:#f6f7f9;--surface:#fff;--fg:#0f172a;--border:#8d9296;--rule:#dde1e7;--accent:#1d4ed8;--accent-fg:#fff;--danger:#b91c1c;--danger-soft:#fdecea;--shadow:rgba(0,0,0,.2)}
@media (prefers-color-scheme:dark){:root{--page:#0b0f17;--surface:#121826;--fg:#e5e9f0;--border:#6b7891;--rule:#273247;--accent:#6b9cff;--accent-fg:#0b1220;--danger:#f87171;--danger-soft:#331616;--shadow:rgba(0,0,0,.6)}}
body{font-family:system-ui,sans-serif;background:var(--page);color:var(--fg);margin:0;padding:2rem 1rem}
main{max-width:24rem;margin:0 auto;background:var(--surface);padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 4px var(--shadow)}
h1{font-size:1.4rem;margin-top:0}label{display:block;font-weight:600;margin:.8rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;color:var(--fg);background:var(--surface);border:1px solid var(--border);border-radius:4px}
button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;font-weight:600;background:var(--accent);color:var(--accent-fg);border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
a{color:var(--accent)}
.error{color:var(--danger);background:var(--danger-soft);border:1px solid var(--danger);padding:.6rem;border-radius:4px}
table{border-collapse:collapse;width:100%;margin-top:.5rem}th,td{text-align:left;padding:.3rem;border-bottom:1px solid var(--rule)}
section{margin-top:1.5rem}h2{font-size:1.05rem}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}
