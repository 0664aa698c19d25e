import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LoginPage } from '../../features/auth/components/login-page.tsx';

const route = getRouteApi('/login');

/** Only same-site paths are followed after sign-in, never another origin (`//evil.example`). */
function safeReturnPath(redirect: string | undefined): string | undefined {
  return redirect?.startsWith('/') && !redirect.startsWith('//') && !redirect.startsWith('/login')
    ? redirect
    : undefined;
}

export function LoginRoute() {
  const { redirect } = route.useSearch();
  const router = useRouter();
  useEffect(() => {
    document.title = 'Sign in · Tandem';
  }, []);
  return (
    <LoginPage
      onSignedIn={() => {
        const target = safeReturnPath(redirect);
        if (target) router.history.push(target);
        else router.navigate({ to: '/' });
      }}
    />
  );
}
