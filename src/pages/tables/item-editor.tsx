import { useState } from 'react';
import { Copy, RotateCcw, Save, Trash2 } from 'lucide-react';
import { ItemChangedError, KeyTakenError } from '../../aws/dynamodb/api';
import {
  compactText,
  formatItem,
  ItemParseError,
  parseItem,
  valuesEqual,
  type Item,
  type ItemFormat,
} from '../../aws/dynamodb/attribute-value';
import type { KeySchemaInfo } from '../../aws/dynamodb/expressions';
import { keyOf, keyProblem } from '../../aws/dynamodb/optimistic-lock';
import { useDeleteItem, useSaveItem } from '../../aws/dynamodb/mutations';
import { failureMessage } from '../../aws/mutation';
import { useDeniedReason } from '../../app/use-permission';
import { useToast } from '../../app/toasts';
import { ItemDiff, type ItemDiffRow } from '../../components/dynamodb/item-diff';
import { JsonEditor } from '../../components/json-editor/json-editor';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Dialog } from '../../components/ui/dialog';
import { ErrorNote } from '../../components/ui/error-note';

export type EditorTarget = { mode: 'edit'; item: Item } | { mode: 'create' } | { mode: 'duplicate'; item: Item };

export interface ItemEditorProps {
  region: string;
  table: string;
  tableArn?: string | undefined;
  keys: KeySchemaInfo;
  target: EditorTarget;
  onClose: () => void;
  /** Open another item (a duplicate of this one). */
  onOpen: (target: EditorTarget) => void;
}

const FORMAT_KEY = 'console.dynamodb.itemFormat';
const savedFormat = (): ItemFormat => {
  try {
    return localStorage.getItem(FORMAT_KEY) === 'dynamodb' ? 'dynamodb' : 'plain';
  } catch {
    return 'plain';
  }
};

function templateOf(keys: KeySchemaInfo): Item {
  const blank = (type: 'S' | 'N' | 'B') =>
    type === 'N' ? { N: '0' } : type === 'B' ? { B: new Uint8Array([0]) } : { S: '' };
  return {
    [keys.partition.name]: blank(keys.partition.type),
    ...(keys.sort ? { [keys.sort.name]: blank(keys.sort.type) } : {}),
  };
}

const sameKey = (a: Item, b: Item, keys: KeySchemaInfo) => {
  const ka = keyOf(a, keys);
  const kb = keyOf(b, keys);
  return (
    Object.keys(ka).length === Object.keys(kb).length && Object.entries(ka).every(([k, v]) => valuesEqual(v, kb[k]))
  );
};

function diffRows(loaded: Item, current: Item | undefined, yours: Item): ItemDiffRow[] {
  const names = [...new Set([...Object.keys(loaded), ...Object.keys(current ?? {}), ...Object.keys(yours)])];
  const text = (item: Item | undefined, name: string) => {
    const v = item?.[name];
    return v ? compactText(v, 200) : undefined;
  };
  return names.map((name) => ({
    name,
    ...optional('loaded', text(loaded, name)),
    ...optional('current', text(current, name)),
    ...optional('yours', text(yours, name)),
  }));
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/**
 * View and edit one item as plain JSON or DynamoDB JSON. A save is conditional on the item being as
 * loaded; if it changed, the three versions are shown and the user reloads or overwrites knowingly.
 * Any failure keeps the dialog open with the text as typed.
 */
export function ItemEditor({ region, table, tableArn, keys, target, onClose, onOpen }: ItemEditorProps) {
  const notify = useToast();
  const [format, setFormat] = useState<ItemFormat>(savedFormat);
  const [loaded, setLoaded] = useState<Item | undefined>(target.mode === 'edit' ? target.item : undefined);
  const initial = target.mode === 'create' ? templateOf(keys) : target.item;
  const [text, setText] = useState(() => formatItem(initial, format));
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [keyChange, setKeyChange] = useState<Item | undefined>();
  const [conflict, setConflict] = useState<{ current: Item | undefined; yours: Item } | undefined>();
  const [isOverwriteOpen, setOverwriteOpen] = useState(false);
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const save = useSaveItem(region, table, keys);
  const remove = useDeleteItem(region, table, keys);
  const putDenied = useDeniedReason('dynamodb:PutItem', tableArn);
  const deleteDenied = useDeniedReason('dynamodb:DeleteItem', tableArn);
  const isEdit = loaded !== undefined;
  const statusId = `item-editor-problem`;

  function read(): Item | undefined {
    try {
      const item = parseItem(text, format);
      const kp = keyProblem(item, keys);
      if (kp) {
        setProblem(kp);
        return undefined;
      }
      setProblem(undefined);
      return item;
    } catch (e) {
      setProblem(e instanceof ItemParseError ? e.message : String(e));
      return undefined;
    }
  }

  function switchFormat(next: ItemFormat) {
    if (next === format) return;
    try {
      setText(formatItem(parseItem(text, format), next));
      setFormat(next);
      setProblem(undefined);
      try {
        localStorage.setItem(FORMAT_KEY, next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    } catch (e) {
      setProblem(`Fix this first, then switch: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function write(item: Item, expected: Item | undefined, what: string) {
    setFailure(undefined);
    try {
      await save.mutateAsync({ item, expected });
      notify(`Saved the item in ${table}`, 'success');
      onClose();
    } catch (e) {
      if (e instanceof ItemChangedError) {
        setConflict({ current: e.current, yours: item });
      } else if (e instanceof KeyTakenError) {
        setFailure(`An item with this key already exists in ${table}. Change the key, or open that item to edit it.`);
      } else {
        setFailure(failureMessage(what, e));
      }
    }
  }

  function onSave() {
    const item = read();
    if (!item) return;
    setKeyChange(undefined);
    if (loaded && !sameKey(item, loaded, keys)) {
      setKeyChange(item);
      return;
    }
    void write(item, loaded, `save the item in ${table}`);
  }

  function saveAsNewKey() {
    const item = keyChange ?? read();
    if (!item) return;
    setKeyChange(undefined);
    void write(item, undefined, `save the item under a new key in ${table}`);
  }

  function reloadCurrent() {
    if (!conflict) return;
    if (conflict.current) {
      setLoaded(conflict.current);
      setText(formatItem(conflict.current, format));
    } else {
      setLoaded(undefined);
    }
    setConflict(undefined);
    setFailure(undefined);
  }

  const title =
    target.mode === 'create'
      ? `New item in ${table}`
      : target.mode === 'duplicate'
        ? `Duplicate item in ${table}`
        : `Item in ${table}`;
  const keyText = loaded ? formatItem(keyOf(loaded, keys), 'plain', 0) : undefined;

  return (
    <Dialog
      open
      onOpenChange={(o) => {
        if (!o) onClose();
      }}
      title={title}
      description={
        keyText ? (
          <>
            Key <code className="font-mono break-all">{keyText}</code>. Keys cannot be edited in place: change them and
            use “Save as new key”.
          </>
        ) : (
          `Give the item its key (${keys.partition.name}${keys.sort ? `, ${keys.sort.name}` : ''}) and any attributes.`
        )
      }
      size="xl"
      footer={
        <>
          {isEdit && (
            <>
              <Button
                variant="ghost"
                icon={<Trash2 aria-hidden />}
                className="mr-auto text-danger"
                disabledReason={deleteDenied}
                onClick={() => setDeleteOpen(true)}
              >
                Delete
              </Button>
              <Button
                variant="ghost"
                icon={<Copy aria-hidden />}
                onClick={() => {
                  const item = read();
                  if (item) onOpen({ mode: 'duplicate', item });
                }}
              >
                Duplicate
              </Button>
            </>
          )}
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            icon={<Save aria-hidden />}
            isLoading={save.isPending}
            disabledReason={putDenied ?? (conflict ? 'Resolve the conflict above first' : undefined)}
            onClick={onSave}
          >
            Save
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">Item format</legend>
          <div className="flex h-8 overflow-hidden rounded-md border border-border-strong text-sm">
            {(
              [
                ['plain', 'Plain JSON'],
                ['dynamodb', 'DynamoDB JSON'],
              ] as const
            ).map(([f, label]) => (
              <label
                key={f}
                className={`flex cursor-pointer items-center px-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus ${
                  format === f ? 'bg-accent text-accent-fg' : 'bg-surface hover:bg-surface-3'
                }`}
              >
                <input
                  type="radio"
                  name="item-format"
                  className="sr-only"
                  checked={format === f}
                  onChange={() => switchFormat(f)}
                />
                {label}
              </label>
            ))}
          </div>
          <p className="min-w-0 flex-1 basis-72 text-xs text-muted">
            {format === 'plain' ? (
              <>
                Every type is kept: numbers keep all their digits; <code>{'{"$SS": […]}'}</code>,{' '}
                <code>{'{"$NS": […]}'}</code> and <code>{'{"$BS": […]}'}</code> are string, number and binary sets;{' '}
                <code>{'{"$B": "base64"}'}</code> is binary; a map whose only key is one of these is written{' '}
                <code>{'{"$M": {…}}'}</code>.
              </>
            ) : (
              <>
                DynamoDB's own format: each value is an object naming its type (S, N, B, SS, NS, BS, M, L, NULL, BOOL).
              </>
            )}
          </p>
        </fieldset>
        <JsonEditor
          label={format === 'plain' ? 'Item (plain JSON)' : 'Item (DynamoDB JSON)'}
          value={text}
          onChange={(v) => {
            setText(v);
            setProblem(undefined);
          }}
          height="min(22rem, 50dvh)"
          describedBy={problem || failure ? statusId : undefined}
        />
        <div id={statusId} className="flex flex-col gap-2">
          {problem && <ErrorNote>{problem}</ErrorNote>}
          {failure && <ErrorNote>{failure}</ErrorNote>}
        </div>
        {keyChange && (
          <div
            role="alert"
            className="flex flex-col gap-2 rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm"
          >
            <p>
              You changed the key. A key cannot be edited in place: save a new item under the new key (the item under
              the old key stays until you delete it).
            </p>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="primary" onClick={saveAsNewKey} disabledReason={putDenied}>
                Save as new key
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setKeyChange(undefined)}>
                Keep editing
              </Button>
            </div>
          </div>
        )}
        {conflict && loaded && (
          <div
            role="alert"
            className="flex flex-col gap-2 rounded-md border border-warning bg-warning-soft p-3 text-sm"
          >
            <p className="font-semibold">
              {conflict.current
                ? 'Someone changed this item after you loaded it.'
                : 'Someone deleted this item after you loaded it.'}{' '}
              Nothing was saved.
            </p>
            <ItemDiff
              rows={diffRows(loaded, conflict.current, conflict.yours)}
              isDeleted={conflict.current === undefined}
            />
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="secondary" icon={<RotateCcw aria-hidden />} onClick={reloadCurrent}>
                {conflict.current ? 'Discard mine and load theirs' : 'Discard mine'}
              </Button>
              <Button size="sm" variant="danger" onClick={() => setOverwriteOpen(true)} disabledReason={putDenied}>
                {conflict.current ? 'Overwrite with mine…' : 'Recreate with mine…'}
              </Button>
            </div>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={isOverwriteOpen}
        onOpenChange={setOverwriteOpen}
        verb="Overwrite"
        noun={{ one: 'item', other: 'items' }}
        names={[]}
        title="Overwrite their changes with yours?"
        consequence="Their version (“Now” above) is replaced by yours. If the item changes again before this save, you will be asked again."
        confirmLabel="Overwrite"
        onConfirm={async () => {
          if (!conflict) return;
          const { current, yours } = conflict;
          setConflict(undefined);
          // Conditioned on the version just shown: a further change is caught again, never overwritten unseen.
          if (current) setLoaded(current);
          await write(yours, current, `overwrite the item in ${table}`);
        }}
      />
      {loaded && (
        <ConfirmDialog
          open={isDeleteOpen}
          onOpenChange={setDeleteOpen}
          verb="Delete"
          noun={{ one: 'item', other: 'items' }}
          names={[keyText ?? '']}
          title="Delete this item?"
          consequence="The item is deleted if it is still as you loaded it. This cannot be undone."
          onConfirm={async () => {
            try {
              await remove.mutateAsync({ key: keyOf(loaded, keys), expected: loaded });
            } catch (e) {
              if (e instanceof ItemChangedError)
                throw new Error('The item changed after you loaded it: nothing was deleted. Reload it first.', {
                  cause: e,
                });
              throw new Error(failureMessage(`delete the item from ${table}`, e), { cause: e });
            }
            notify(`Deleted the item from ${table}`, 'success');
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}
