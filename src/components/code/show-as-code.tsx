import { Code } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from '../ui/button';
import { Dialog } from '../ui/dialog';
import type { CodeSnippets, SnippetLanguage } from './code-snippets';
import { CodeTabs } from './code-tabs';

// The tab last chosen, for the session: someone who reads boto3 keeps reading boto3.
let lastLanguage: SnippetLanguage = 'cli';

export interface ShowAsCodeDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "Code for stopping 2 instances" */
  title: ReactNode;
  description?: ReactNode;
  /** The code; undefined while there is none yet (the list has not loaded). */
  snippets: CodeSnippets | undefined;
  /** Said when there is no code yet. */
  emptyText?: string;
}

/** The AWS CLI, boto3 and SDK v3 code that does what the console does or is about to do. */
export function ShowAsCodeDialog({
  open,
  onOpenChange,
  title,
  description,
  snippets,
  emptyText,
}: ShowAsCodeDialogProps) {
  const [language, setLanguage] = useState<SnippetLanguage>(lastLanguage);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={
        description ?? 'Runs the same calls with your own credentials. Secret values and keys are never shown.'
      }
      size="xl"
    >
      {snippets ? (
        <CodeTabs
          snippets={snippets}
          label="Language"
          language={language}
          onLanguageChange={(l) => {
            lastLanguage = l;
            setLanguage(l);
          }}
        />
      ) : (
        <p className="text-sm text-muted">{emptyText ?? 'No call has been made yet.'}</p>
      )}
    </Dialog>
  );
}

export interface ShowAsCodeButtonProps {
  /** Made when the dialog opens, so the code is never generated for nothing. */
  getSnippets: () => CodeSnippets | undefined;
  title: ReactNode;
  description?: ReactNode;
  emptyText?: string;
  size?: ButtonSize;
  variant?: ButtonVariant;
  /** The button's text; "Show as code" unless told. */
  children?: ReactNode;
}

/** A "Show as code" button and its dialog. */
export function ShowAsCodeButton({
  getSnippets,
  title,
  description,
  emptyText,
  size = 'md',
  variant = 'secondary',
  children,
}: ShowAsCodeButtonProps) {
  const [snippets, setSnippets] = useState<CodeSnippets | undefined>();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="button"
        size={size}
        variant={variant}
        icon={<Code aria-hidden="true" />}
        onClick={() => {
          setSnippets(getSnippets());
          setOpen(true);
        }}
      >
        {children ?? 'Show as code'}
      </Button>
      <ShowAsCodeDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        {...(description ? { description } : {})}
        {...(emptyText ? { emptyText } : {})}
        snippets={snippets}
      />
    </>
  );
}
