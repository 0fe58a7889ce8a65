import type { ReactNode } from 'react';

export interface FullPageMessageProps {
  title: string;
  children?: ReactNode;
}

export function FullPageMessage({ title, children }: FullPageMessageProps) {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 p-8">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}
