import { History } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { activeSession } from '../aws/session';
import { IconButton } from '../components/ui/button';

// The panel and the code generators load when the panel is first opened, not with every page's shell.
const OpenHistory = lazy(() => import('./call-history-panel'));

/** The header's "Call history" button and its panel. */
export function CallHistoryButton() {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <IconButton
        label="Call history"
        variant="ghost"
        icon={<History aria-hidden="true" />}
        onClick={() => setOpen(true)}
      />
      {isOpen && (
        <Suspense fallback={null}>
          <OpenHistory history={activeSession()?.history} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
