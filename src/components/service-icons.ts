import {
  Archive,
  FunctionSquare,
  Inbox,
  KeyRound,
  ScrollText,
  LayoutDashboard,
  Server,
  Table2,
  type LucideIcon,
} from 'lucide-react';

/** One icon per service, the same in the sidebar, the dashboard card and the page header. */
export const SERVICE_ICONS = {
  dashboard: LayoutDashboard,
  s3: Archive,
  ec2: Server,
  dynamodb: Table2,
  sqs: Inbox,
  lambda: FunctionSquare,
  secretsmanager: KeyRound,
  logs: ScrollText,
} satisfies Record<string, LucideIcon>;
