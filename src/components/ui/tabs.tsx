import * as RadixTabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

export interface TabsProps {
  /** The accessible name of the tab list ("Bucket details"). */
  label: string;
  tabs: TabItem[];
  /** Controlled selection (e.g. from the URL); uncontrolled starts on the first tab. */
  value?: string;
  onValueChange?: (id: string) => void;
}

/** Tabs with arrow-key movement; the tab row scrolls sideways on narrow screens. */
export function Tabs({ label, tabs, value, onValueChange }: TabsProps) {
  return (
    <RadixTabs.Root
      value={value}
      defaultValue={value === undefined ? tabs[0]?.id : undefined}
      onValueChange={onValueChange}
      className="flex min-w-0 flex-col"
    >
      <RadixTabs.List aria-label={label} className="flex overflow-x-auto border-b border-border">
        {tabs.map((t) => (
          <RadixTabs.Trigger
            key={t.id}
            value={t.id}
            // Inset focus ring: the tab row scrolls (overflow), which would clip a ring drawn outside.
            className="-mb-px shrink-0 focus-visible:-outline-offset-2 border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
          >
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((t) => (
        <RadixTabs.Content key={t.id} value={t.id} className="min-w-0 pt-4">
          {t.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
