export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A plain, accessible page shell for the sign-in pages (no external resources; the empty icon keeps the
 * browser from asking the emulator for /favicon.ico, which S3 would refuse as an anonymous GetObject).
 */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>
body{font-family:system-ui,sans-serif;background:#f2f3f3;color:#16191f;margin:0;padding:2rem 1rem}
main{max-width:24rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.2)}
h1{font-size:1.4rem;margin-top:0}label{display:block;font-weight:600;margin:.8rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #8d9296;border-radius:4px}
button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;font-weight:600;background:#0972d3;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #0972d3;outline-offset:2px}
.error{color:#b3261e;background:#fdecea;border:1px solid #b3261e;padding:.6rem;border-radius:4px}
table{border-collapse:collapse;width:100%;margin-top:.5rem}th,td{text-align:left;padding:.3rem;border-bottom:1px solid #ddd}
section{margin-top:1.5rem}h2{font-size:1.05rem}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}
