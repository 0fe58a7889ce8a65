import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, LogOut, UserRound } from 'lucide-react';

export interface UserMenuProps {
  userName: string;
  groups: string[];
  /** The IAM role the session works as (from STS GetCallerIdentity), once known. */
  roleName?: string;
  /** Absent when there is nothing to sign out of (static keys, guest). */
  onSignOut?: () => void;
}

export function UserMenu({ userName, groups, roleName, onSignOut }: UserMenuProps) {
  // The header shows who is signed in, their groups and role; the name holds that visible text (label in name).
  const parts = [userName, groups.join(', '), roleName ?? ''].filter(Boolean);
  const summary = parts.join(' · ');
  return (
    // Not modal: a modal menu hides the page with aria-hidden while focus may still sit in it.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={`User menu ${summary}`}
        className="flex h-8 min-w-0 items-center gap-1.5 rounded-md border border-border-strong px-2 text-sm hover:bg-surface-3"
      >
        <UserRound aria-hidden="true" className="size-4 shrink-0 text-subtle" />
        <span data-testid="user-name" className="max-w-[6rem] truncate sm:max-w-none">
          {userName}
        </span>
        {groups.length > 0 && <span className="hidden text-muted sm:inline"> · {groups.join(', ')}</span>}
        {roleName && (
          <span data-testid="role-name" className="hidden text-muted lg:inline">
            {' '}
            · {roleName}
          </span>
        )}
        <ChevronDown aria-hidden="true" className="size-3.5 shrink-0 text-subtle" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={4}
        className="z-50 min-w-56 rounded-md border border-border bg-surface p-1 text-sm text-fg shadow-lg"
      >
        <DropdownMenu.Label className="px-2 py-1 font-semibold">{userName}</DropdownMenu.Label>
        <DropdownMenu.Label className="px-2 text-muted">
          Groups: {groups.length ? groups.join(', ') : 'none'}
        </DropdownMenu.Label>
        <DropdownMenu.Label className="px-2 pb-1 text-muted">Role: {roleName ?? 'unknown'}</DropdownMenu.Label>
        {onSignOut && (
          <>
            <DropdownMenu.Separator className="my-1 h-px bg-border" />
            <DropdownMenu.Item
              onSelect={onSignOut}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-surface-3"
            >
              <LogOut aria-hidden="true" className="size-4" />
              Sign out
            </DropdownMenu.Item>
          </>
        )}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
