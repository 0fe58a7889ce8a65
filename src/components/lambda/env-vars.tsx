import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { IconButton } from '../ui/button';

export interface EnvVarsProps {
  variables: Record<string, string>;
}

/** Environment variables, each value masked until revealed on its own (values often hold keys). */
export function EnvVars({ variables }: EnvVarsProps) {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const names = Object.keys(variables).sort();
  if (names.length === 0) return <p className="text-sm text-muted">No environment variables.</p>;
  const toggle = (name: string) =>
    setRevealed((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <table className="w-full table-fixed text-sm">
      <caption className="sr-only">Environment variables</caption>
      <thead>
        <tr className="text-left text-xs text-muted">
          <th scope="col" className="w-2/5 py-1 pr-2 font-normal">
            Name
          </th>
          <th scope="col" className="py-1 font-normal">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const isShown = revealed.has(name);
          return (
            <tr key={name} className="border-t border-border">
              <th scope="row" className="py-1.5 pr-2 text-left font-mono font-normal break-all">
                {name}
              </th>
              <td className="py-1.5">
                <div className="flex items-center gap-1">
                  <span className="min-w-0 flex-1 font-mono break-all" data-testid={`env-${name}`}>
                    {isShown ? variables[name] : '••••••••'}
                  </span>
                  <IconButton
                    size="sm"
                    label={`${isShown ? 'Hide' : 'Reveal'} ${name}`}
                    aria-pressed={isShown}
                    icon={isShown ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
                    onClick={() => toggle(name)}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
