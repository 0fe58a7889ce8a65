import { useId, useState, type FormEvent } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Checkbox, SelectField, TextField } from '../ui/field';
import type { ConfirmMutation } from '../ui/confirm-dialog';
import { ErrorNote } from '../ui/error-note';

export type KeyType = 'S' | 'N' | 'B';

export interface CreateTableForm {
  name: string;
  partition: { name: string; type: KeyType };
  sort?: { name: string; type: KeyType };
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readCapacity?: number;
  writeCapacity?: number;
  gsi?: { name: string; partition: { name: string; type: KeyType }; sort?: { name: string; type: KeyType } };
}

export interface CreateTableDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Creates the table; a rejection keeps the dialog open with its message. */
  onCreate: (form: CreateTableForm) => Promise<unknown>;
  /** The create mutation: its failure (naming the action and table) shows instead of the rejection's message. */
  mutation?: ConfirmMutation;
  /** Why creating is not allowed (a known denial). */
  disabledReason?: string | undefined;
}

const TYPE_OPTIONS = [
  { value: 'S', label: 'String' },
  { value: 'N', label: 'Number' },
  { value: 'B', label: 'Binary' },
];

/** AWS's rules for table and index names, as a sentence naming the broken one. */
export function tableNameProblem(name: string, what = 'Table name'): string | undefined {
  if (name.length === 0) return `${what} is required`;
  if (name.length < 3) return `${what} must be at least 3 characters`;
  if (name.length > 255) return `${what} must be at most 255 characters`;
  const bad = [...name].find((c) => !/[a-zA-Z0-9_.-]/.test(c));
  if (bad !== undefined) return `${what} may only use letters, digits, _ . and - (not "${bad}")`;
  return undefined;
}

function attributeNameProblem(name: string, what: string): string | undefined {
  if (name.length === 0) return `${what} is required`;
  if (new TextEncoder().encode(name).length > 255) return `${what} must be at most 255 bytes`;
  return undefined;
}

function capacityProblem(text: string): string | undefined {
  if (!/^\d+$/.test(text) || Number(text) < 1) return 'Enter a whole number of at least 1';
  if (Number(text) > 40000) return 'At most 40,000';
  return undefined;
}

/** Create a table: name (checked as you type), keys with types, billing mode, and one optional GSI. */
export function CreateTableDialog({ open, onOpenChange, onCreate, mutation, disabledReason }: CreateTableDialogProps) {
  const formId = useId();
  const [name, setName] = useState('');
  const [pk, setPk] = useState('pk');
  const [pkType, setPkType] = useState<KeyType>('S');
  const [hasSort, setHasSort] = useState(true);
  const [sk, setSk] = useState('sk');
  const [skType, setSkType] = useState<KeyType>('S');
  const [billing, setBilling] = useState<'PAY_PER_REQUEST' | 'PROVISIONED'>('PAY_PER_REQUEST');
  const [rcu, setRcu] = useState('5');
  const [wcu, setWcu] = useState('5');
  const [hasGsi, setHasGsi] = useState(false);
  const [gsiName, setGsiName] = useState('');
  const [gsiPk, setGsiPk] = useState('');
  const [gsiPkType, setGsiPkType] = useState<KeyType>('S');
  const [gsiSk, setGsiSk] = useState('');
  const [gsiSkType, setGsiSkType] = useState<KeyType>('S');
  const [isTouched, setTouched] = useState(false);
  const [isPending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const problems = {
    name: name === '' && !isTouched ? undefined : tableNameProblem(name),
    pk: attributeNameProblem(pk, 'Partition key name'),
    sk: hasSort
      ? (attributeNameProblem(sk, 'Sort key name') ??
        (sk === pk ? 'The sort key must differ from the partition key' : undefined))
      : undefined,
    rcu: billing === 'PROVISIONED' ? capacityProblem(rcu) : undefined,
    wcu: billing === 'PROVISIONED' ? capacityProblem(wcu) : undefined,
    gsiName: hasGsi ? tableNameProblem(gsiName, 'Index name') : undefined,
    gsiPk: hasGsi ? attributeNameProblem(gsiPk, 'Index partition key name') : undefined,
    gsiSk:
      hasGsi && gsiSk !== '' && gsiSk === gsiPk ? 'The index sort key must differ from its partition key' : undefined,
  };
  // An attribute used as a key twice must have one type.
  const typeOf = new Map<string, KeyType>([[pk, pkType]]);
  let typeClash: string | undefined;
  const claim = (n: string, t: KeyType) => {
    const prev = typeOf.get(n);
    if (prev && prev !== t) typeClash = `${n} is used as a key with two types (${prev} and ${t})`;
    typeOf.set(n, t);
  };
  if (hasSort) claim(sk, skType);
  if (hasGsi && gsiPk) claim(gsiPk, gsiPkType);
  if (hasGsi && gsiSk) claim(gsiSk, gsiSkType);
  const hasProblem =
    Object.values(problems).some(Boolean) || typeClash !== undefined || tableNameProblem(name) !== undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (hasProblem || isPending) return;
    setPending(true);
    setFailure(undefined);
    try {
      await onCreate({
        name,
        partition: { name: pk, type: pkType },
        ...(hasSort ? { sort: { name: sk, type: skType } } : {}),
        billingMode: billing,
        ...(billing === 'PROVISIONED' ? { readCapacity: Number(rcu), writeCapacity: Number(wcu) } : {}),
        ...(hasGsi
          ? {
              gsi: {
                name: gsiName,
                partition: { name: gsiPk, type: gsiPkType },
                ...(gsiSk ? { sort: { name: gsiSk, type: gsiSkType } } : {}),
              },
            }
          : {}),
      });
      onOpenChange(false);
      setName('');
      setTouched(false);
    } catch (err) {
      if (!mutation) setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setPending(false);
    }
  }

  const keyRow = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    type: KeyType,
    onType: (t: KeyType) => void,
    error: string | undefined,
    placeholder?: string,
  ) => (
    <div className="grid grid-cols-[1fr_8rem] items-start gap-2">
      <TextField
        label={label}
        value={value}
        onChange={onChange}
        error={error}
        placeholder={placeholder}
        spellCheck={false}
      />
      <SelectField label={`${label} type`} value={type} onChange={(v) => onType(v as KeyType)} options={TYPE_OPTIONS} />
    </div>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create table"
      description="Keys cannot be changed after the table is created."
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={formId}
            variant="primary"
            isLoading={isPending}
            disabledReason={disabledReason ?? (hasProblem && isTouched ? 'Fix the fields marked above' : undefined)}
          >
            Create table
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
        <TextField
          label="Table name"
          value={name}
          onChange={(v) => {
            setName(v);
            setTouched(true);
          }}
          error={problems.name}
          hint="3 to 255 letters, digits, _ . or -"
          autoComplete="off"
          spellCheck={false}
        />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-semibold">Keys</legend>
          {keyRow('Partition key', pk, setPk, pkType, setPkType, problems.pk)}
          <Checkbox label="Add a sort key" checked={hasSort} onChange={setHasSort} />
          {hasSort && keyRow('Sort key', sk, setSk, skType, setSkType, problems.sk)}
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-semibold">Capacity</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name={`${formId}-billing`}
                checked={billing === 'PAY_PER_REQUEST'}
                onChange={() => setBilling('PAY_PER_REQUEST')}
                className="accent-accent"
              />
              On-demand
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name={`${formId}-billing`}
                checked={billing === 'PROVISIONED'}
                onChange={() => setBilling('PROVISIONED')}
                className="accent-accent"
              />
              Provisioned
            </label>
          </div>
          {billing === 'PROVISIONED' && (
            <div className="grid grid-cols-2 gap-2">
              <TextField
                label="Read capacity units"
                inputMode="numeric"
                value={rcu}
                onChange={setRcu}
                error={problems.rcu}
              />
              <TextField
                label="Write capacity units"
                inputMode="numeric"
                value={wcu}
                onChange={setWcu}
                error={problems.wcu}
              />
            </div>
          )}
        </fieldset>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-semibold">Global secondary index</legend>
          <Checkbox
            label="Add a global secondary index"
            description="Query the table by other attributes (projects all attributes)."
            checked={hasGsi}
            onChange={setHasGsi}
          />
          {hasGsi && (
            <>
              <TextField
                label="Index name"
                value={gsiName}
                onChange={setGsiName}
                error={problems.gsiName}
                spellCheck={false}
              />
              {keyRow('Index partition key', gsiPk, setGsiPk, gsiPkType, setGsiPkType, problems.gsiPk)}
              {keyRow('Index sort key (optional)', gsiSk, setGsiSk, gsiSkType, setGsiSkType, problems.gsiSk)}
            </>
          )}
        </fieldset>
        {typeClash && (
          <p role="alert" className="text-sm text-danger">
            {typeClash}
          </p>
        )}
        {(mutation?.failure ?? failure) && <ErrorNote>{mutation?.failure ?? failure}</ErrorNote>}
      </form>
    </Dialog>
  );
}
