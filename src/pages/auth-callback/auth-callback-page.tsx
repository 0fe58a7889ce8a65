import { Link, Navigate } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { FullPageMessage } from '../../components/full-page-message';
import { safeReturnTo } from '../../app/return-to';

/** The OIDC redirect target: AuthProvider trades the code for tokens; then go where the user was going. */
export default function AuthCallbackPage() {
  const auth = useAuth();
  if (auth.error)
    return (
      <FullPageMessage title="Sign-in failed">
        <p role="alert">{auth.error.message}</p>
        <Link to="/signin" className="text-blue-700 underline dark:text-blue-300">
          Try again
        </Link>
      </FullPageMessage>
    );
  if (auth.isAuthenticated && auth.user) {
    const state = auth.user.state as { returnTo?: unknown } | undefined;
    return <Navigate to={safeReturnTo(state?.returnTo)} replace />;
  }
  return <FullPageMessage title="Signing in…" />;
}
