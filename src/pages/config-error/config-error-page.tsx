import { FullPageMessage } from '../../components/full-page-message';

export interface ConfigErrorPageProps {
  problems: string[];
}

/** Shown instead of a blank screen when config.json is missing or invalid. */
export function ConfigErrorPage({ problems }: ConfigErrorPageProps) {
  return (
    <FullPageMessage title="Configuration error">
      <p>The console could not start because its runtime configuration (config.json) has problems:</p>
      <ul className="list-disc pl-6 font-mono text-sm" aria-label="Configuration problems">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Fix config.json next to index.html and reload. The fields are described in the README.
      </p>
    </FullPageMessage>
  );
}
