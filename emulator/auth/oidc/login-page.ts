import { escapeHtml, page } from './html.js';

export interface DemoAccount {
  username: string;
  password: string;
  groups: readonly string[];
}

export interface LoginPageInput {
  poolName: string;
  action: string;
  username?: string;
  error?: string;
  /** Shown on the demo pool's page only, so anyone trying the demo can sign in. */
  demoAccounts?: readonly DemoAccount[];
}

export function loginPage(input: LoginPageInput): string {
  const error = input.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(input.error)}</p>` : '';
  const describedBy = input.error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  const demo = input.demoAccounts?.length
    ? `<section aria-labelledby="demo-heading"><h2 id="demo-heading">Demo accounts</h2>
<table><thead><tr><th scope="col">Username</th><th scope="col">Password</th><th scope="col">Group</th></tr></thead><tbody>
${input.demoAccounts
  .map(
    (a) =>
      `<tr><td>${escapeHtml(a.username)}</td><td><code>${escapeHtml(a.password)}</code></td><td>${escapeHtml(a.groups.join(', '))}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`
    : '';
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>${escapeHtml(input.poolName)}</p>
${error}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="on">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(input.username ?? '')}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Sign in</button>
</form>
${demo}`,
  );
}

export interface NewPasswordPageInput {
  poolName: string;
  action: string;
  /** The challenge session the form posts back; it names the user server-side. */
  session: string;
  username: string;
  /** The pool's password policy, one rule a line. */
  rules: readonly string[];
  error?: string;
}

/** Cognito's NEW_PASSWORD_REQUIRED step: a user with a temporary password chooses a permanent one. */
export function newPasswordPage(input: NewPasswordPageInput): string {
  const error = input.error ? `<p class="error" role="alert" id="password-error">${escapeHtml(input.error)}</p>` : '';
  const describedBy = input.error ? 'password-rules password-error' : 'password-rules';
  return page(
    'Change password',
    `<h1>Change password</h1>
<p>${escapeHtml(input.poolName)}</p>
<p>${escapeHtml(input.username)}, your password is temporary. Choose a new password to continue.</p>
${error}
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="session" value="${escapeHtml(input.session)}">
<input type="text" name="username" value="${escapeHtml(input.username)}" autocomplete="username" hidden>
<label for="new-password">New password</label>
<input id="new-password" name="new_password" type="password" autocomplete="new-password" required aria-describedby="${describedBy}">
<div id="password-rules"><p>The password must have:</p><ul>
${input.rules.map((r) => `<li>${escapeHtml(r)}</li>`).join('\n')}
</ul></div>
<label for="confirm-password">Confirm new password</label>
<input id="confirm-password" name="confirm_password" type="password" autocomplete="new-password" required>
<button type="submit">Change password and sign in</button>
</form>`,
  );
}

export function messagePage(title: string, message: string, isError = false): string {
  const role = isError ? ' role="alert"' : '';
  return page(title, `<h1>${escapeHtml(title)}</h1><p${role}>${escapeHtml(message)}</p>`);
}
