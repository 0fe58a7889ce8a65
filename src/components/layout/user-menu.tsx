import * as DropdownMenu from '@radix-ui/react-dropdown-menu';

export interface UserMenuProps {
  userName: string;
  groups: string[];
  /** Absent when there is nothing to sign out of (static keys, guest). */
  onSignOut?: () => void;
}

export function UserMenu({ userName, groups, onSignOut }: UserMenuProps) {
  // The header shows who is signed in and their groups; the name holds that visible text (label in name).
  const summary = groups.length ? `${userName} · ${groups.join(', ')}` : userName;
  return (
    // Not modal: a modal menu hides the page with aria-hidden while focus may still sit in it.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={`User menu ${summary}`}
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span data-testid="user-name">{userName}</span>
        {groups.length > 0 && <span className="text-slate-600 dark:text-slate-300"> · {groups.join(', ')}</span>}
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={4}
        className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <DropdownMenu.Label className="px-2 py-1 font-semibold">{userName}</DropdownMenu.Label>
        <DropdownMenu.Label className="px-2 pb-1 text-slate-600 dark:text-slate-300">
          Groups: {groups.length ? groups.join(', ') : 'none'}
        </DropdownMenu.Label>
        {onSignOut && (
          <>
            <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
            <DropdownMenu.Item
              onSelect={onSignOut}
              className="cursor-pointer rounded px-2 py-1 outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800"
            >
              Sign out
            </DropdownMenu.Item>
          </>
        )}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
