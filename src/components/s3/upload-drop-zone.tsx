import { Upload } from 'lucide-react';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { captureDrop, type PickedFile } from './picked-files';

export interface UploadDropZoneProps {
  /** Where dropped files go, for the overlay ("s3://photos/2024/"). */
  target: string;
  onFiles: (files: PickedFile[]) => void;
  /** A dropped folder could not be read. */
  onError?: (message: string) => void;
  /** Why uploads are refused here; the overlay says so and a drop does nothing. */
  disabledReason?: string;
  children: ReactNode;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Files or whole folders dropped anywhere on the listing; an overlay says where they will go. */
export function UploadDropZone({ target, onFiles, onError, disabledReason, children }: UploadDropZoneProps) {
  const [isOver, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the overlay does not flicker.
  const depth = useRef(0);

  return (
    <div
      className="relative flex min-w-0 flex-col gap-2"
      data-drop-zone
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = disabledReason ? 'none' : 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        if (disabledReason) {
          onError?.(disabledReason);
          return;
        }
        // Read now: the browser empties the DataTransfer when this handler returns.
        const read = captureDrop(e.dataTransfer);
        read().then(onFiles, (err: unknown) =>
          onError?.(`Could not read the dropped files: ${err instanceof Error ? err.message : String(err)}`),
        );
      }}
    >
      {children}
      {isOver && (
        <div
          aria-hidden
          className={`pointer-events-none absolute inset-0 z-20 flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed ${
            disabledReason ? 'border-danger bg-danger-soft text-danger' : 'border-accent bg-accent-soft/90 text-fg'
          }`}
        >
          <Upload className="size-8" />
          <p className="px-4 text-center text-base font-medium break-all">
            {disabledReason ?? `Drop files or folders to upload to ${target}`}
          </p>
        </div>
      )}
    </div>
  );
}
