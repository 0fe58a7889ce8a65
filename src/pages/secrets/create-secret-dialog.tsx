import { useId, useState, type FormEvent } from 'react';
import { toAppError } from '../../aws/errors';
import { getRandomPassword } from '../../aws/secretsmanager/api';
import { useCreateSecret } from '../../aws/secretsmanager/mutations';
import { sealValue } from '../../aws/secretsmanager/sealed-value';
import { SecretValueEditor } from '../../components/secrets/secret-value-editor';
import { draftProblem, draftText, emptyDraft, type SecretDraft } from '../../components/secrets/secret-draft';
import { TagRows, tagsProblem, type TagRow } from '../../components/secrets/tag-rows';
import { Dialog, FormDialogFooter } from '../../components/ui/dialog';
import { ErrorNote } from '../../components/ui/error-note';
import { TextField } from '../../components/ui/field';
import { failureMessage } from '../../aws/mutation';
import { useDeniedReason } from '../../app/use-permission';

export interface CreateSecretDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  region: string;
  onCreated: (name: string) => void;
}

const NAME = /^[a-zA-Z0-9/_+=.@-]+$/;

export function nameProblem(name: string): string | undefined {
  if (name === '') return 'Enter a name';
  if (name.length > 512) return 'At most 512 characters';
  if (!NAME.test(name)) return 'Letters, digits and / _ + = . @ - only (no spaces)';
  return undefined;
}

/** Errors that belong beside the name: a duplicate, or a name whose secret is scheduled for deletion. */
function nameRefusal(error: unknown): string | undefined {
  const e = toAppError(error);
  if (e.code === 'ResourceExistsException') return 'A secret with this name already exists';
  if (/scheduled for deletion/i.test(e.message))
    return 'A secret with this name is scheduled for deletion: restore it, or wait until it is deleted';
  if (e.code === 'ValidationException' && /name/i.test(e.message)) return e.message;
  return undefined;
}

/** CreateSecret: name, description, value (rows or text, a generated password), KMS key, tags. */
export function CreateSecretDialog({ open, onOpenChange, region, onCreated }: CreateSecretDialogProps) {
  const formId = useId();
  const create = useCreateSecret();
  const denied = useDeniedReason('secretsmanager:CreateSecret');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kmsKeyId, setKmsKeyId] = useState('');
  const [draft, setDraft] = useState<SecretDraft>(emptyDraft);
  const [tags, setTags] = useState<TagRow[]>([]);
  const [isChecked, setChecked] = useState(false);
  const [isGenerating, setGenerating] = useState(false);
  const [generateFailure, setGenerateFailure] = useState<string | undefined>();

  function setOpen(next: boolean) {
    if (!next) {
      setName('');
      setDescription('');
      setKmsKeyId('');
      setDraft(emptyDraft());
      setTags([]);
      setChecked(false);
      setGenerateFailure(undefined);
      create.reset();
    }
    onOpenChange(next);
  }

  async function generate() {
    setGenerating(true);
    setGenerateFailure(undefined);
    try {
      const password = await getRandomPassword({ region, length: 32, excludeCharacters: '"\'\\`' });
      setDraft((d) => {
        if (d.mode === 'raw') return { ...d, raw: password };
        const at = d.pairs.findIndex((p) => p.key === 'password');
        const pairs =
          at >= 0
            ? d.pairs.map((p, i) => (i === at ? { ...p, value: password } : p))
            : [...d.pairs.filter((p) => p.key !== '' || p.value !== ''), { key: 'password', value: password }];
        return { ...d, pairs };
      });
    } catch (e) {
      setGenerateFailure(failureMessage('generate a password', e));
    } finally {
      setGenerating(false);
    }
  }

  const refusal = create.error ? nameRefusal(create.error) : undefined;
  const shownNameProblem = isChecked || name !== '' ? (nameProblem(name) ?? refusal) : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setChecked(true);
    if (nameProblem(name) || draftProblem(draft) || tagsProblem(tags) || description.length > 2048) return;
    await create
      .mutateAsync({
        region,
        name,
        ...(description ? { description } : {}),
        ...(kmsKeyId ? { kmsKeyId } : {}),
        tags,
        value: sealValue(draftText(draft)),
      })
      .then(
        () => {
          setOpen(false);
          onCreated(name);
        },
        () => undefined,
      );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Create secret"
      size="lg"
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel="Create secret"
          onCancel={() => setOpen(false)}
          isPending={create.isPending}
          disabledReason={denied}
        />
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <TextField
          label="Name"
          value={name}
          onChange={(v) => {
            setName(v);
            if (create.error) create.reset();
          }}
          error={shownNameProblem}
          hint={
            // AWS's advice, not a rule: such a name is confused with an ARN's random suffix in partial-ARN lookups.
            /-[a-zA-Z0-9]{6}$/.test(name)
              ? 'Allowed, but AWS advises against ending with a hyphen and six characters (it reads like an ARN suffix)'
              : 'e.g. prod/app/database. Letters, digits and / _ + = . @ -'
          }
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="Description (optional)"
          value={description}
          onChange={setDescription}
          error={description.length > 2048 ? 'At most 2,048 characters' : undefined}
        />
        <SecretValueEditor
          draft={draft}
          onChange={setDraft}
          isCheckShown={isChecked}
          onGenerate={() => void generate()}
          isGenerating={isGenerating}
        />
        {generateFailure && <ErrorNote>{generateFailure}</ErrorNote>}
        <TextField
          label="KMS key (optional)"
          value={kmsKeyId}
          onChange={setKmsKeyId}
          placeholder="aws/secretsmanager (the default)"
          autoComplete="off"
          spellCheck={false}
        />
        <TagRows tags={tags} onChange={setTags} />
        {create.failure && !refusal && <ErrorNote>{create.failure}</ErrorNote>}
      </form>
    </Dialog>
  );
}
