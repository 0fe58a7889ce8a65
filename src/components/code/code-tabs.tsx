import { CopyButton } from '../ui/copy-button';
import { Tabs } from '../ui/tabs';
import { LANGUAGES, type CodeSnippets, type SnippetLanguage } from './code-snippets';

export interface CodeBlockProps {
  code: string;
  /** What is copied ("AWS CLI command"), for the copy button's name and the block's label. */
  what: string;
}

/** Code in monospace that scrolls inside its own box (never the page), with a copy button. */
export function CodeBlock({ code, what }: CodeBlockProps) {
  return (
    <div className="relative min-w-0 rounded-md border border-border bg-surface-2">
      <div className="absolute top-1 right-1">
        <CopyButton value={code} label={what} />
      </div>
      <pre
        aria-label={what}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a box that scrolls must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
        className="max-h-[55vh] overflow-auto p-3 pr-10 font-mono text-xs leading-relaxed text-fg"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

export interface CodeTabsProps {
  snippets: CodeSnippets;
  /** Names the tab list ("Code for StopInstances"). */
  label: string;
  language?: SnippetLanguage;
  onLanguageChange?: (language: SnippetLanguage) => void;
}

/** AWS CLI, boto3 and SDK v3 tabs, each copyable. */
export function CodeTabs({ snippets, label, language, onLanguageChange }: CodeTabsProps) {
  return (
    <Tabs
      label={label}
      {...(language ? { value: language } : {})}
      {...(onLanguageChange ? { onValueChange: (id: string) => onLanguageChange(id as SnippetLanguage) } : {})}
      tabs={LANGUAGES.map((l) => ({
        id: l.id,
        label: l.label,
        content: <CodeBlock code={snippets[l.id]} what={l.what} />,
      }))}
    />
  );
}
