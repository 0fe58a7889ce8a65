import { useEffect } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { FullPageMessage } from '../../components/full-page-message';
import { safeReturnTo } from '../../app/return-to';

/** Sign-in: a button that starts the OIDC code flow (PKCE) at the user pool's managed login. */
export default function SignInPage() {
  const auth = useAuth();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));

  useEffect(() => {
    performance.mark('ready:signin');
  }, []);

  if (auth.isAuthenticated) return <Navigate to={returnTo} replace />;
  return (
    <FullPageMessage title="Sign in to AWS Console">
      <p className="text-slate-600 dark:text-slate-300">
        You will sign in on your organisation's login page and come back here.
      </p>
      {auth.error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Sign-in failed: {auth.error.message}
        </p>
      )}
      <button
        type="button"
        disabled={auth.activeNavigator === 'signinRedirect'}
        onClick={() => void auth.signinRedirect({ state: { returnTo } })}
        className="self-start rounded bg-amber-500 px-4 py-2 font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60"
      >
        Sign in
      </button>
    </FullPageMessage>
  );
}
