import type { ReactNode } from 'react';

export interface FullPageMessageProps {
  title: string;
  children?: ReactNode;
}

/** A whole-screen message outside the shell (signing in, configuration errors). */
export function FullPageMessage({ title, children }: FullPageMessageProps) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-page p-4 sm:p-8">
      <div className="flex w-full max-w-xl flex-col gap-4 rounded-lg border border-border bg-surface p-6 shadow-sm">
        <h1 className="text-xl font-semibold break-words">{title}</h1>
        {children}
      </div>
    </main>
  );
}
