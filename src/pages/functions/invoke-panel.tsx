import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Play, ScrollText } from 'lucide-react';
import { checkPayload, probeInvoke, type InvocationType, type InvokeResult } from '../../aws/lambda/invoke';
import { useInvokeFunction } from '../../aws/lambda/mutations';
import { lambdaQueries } from '../../aws/lambda/queries';
import { findSampleObject, findSampleQueueArn } from '../../aws/lambda/template-sources';
import { rowsOf } from '../../aws/paging';
import { templatePayload, type EventTemplate } from '../../components/lambda/event-templates';
import { recordInvocation, type InvocationRecord } from '../../components/lambda/invocation-history';
import { InvocationResult } from '../../components/lambda/invocation-result';
import { TestEventBar } from '../../components/lambda/test-event-bar';
import { JsonEditor } from '../../components/json-editor/json-editor';
import { Button } from '../../components/ui/button';
import { ErrorNote } from '../../components/ui/error-note';
import { FieldError, SelectField } from '../../components/ui/field';
import { useConfig } from '../../app/config-context';
import { usePermission } from '../../app/use-permission';
import { useRegionHref } from '../../app/use-region';
import { functionLogsHref } from './logs-href';
import { useTestEvents } from './use-test-events';

export interface InvokePanelProps {
  region: string;
  name: string;
  arn: string | undefined;
  accountId?: string | undefined;
  onInvoked: (history: InvocationRecord[]) => void;
}

function recordOf(r: InvokeResult, qualifier: string): InvocationRecord {
  return {
    at: Date.now(),
    type: r.type,
    status: r.status,
    ...(qualifier ? { qualifier } : {}),
    outcome: r.type === 'Event' ? 'Queued' : r.error ? r.error.summary : 'Succeeded',
    isError: r.error !== undefined,
    ...(r.report ? { durationMs: r.report.durationMs } : {}),
    ...(r.requestId ? { requestId: r.requestId } : {}),
  };
}

/** Invoke with a JSON payload: saved events and templates, qualifier and type, then the result and log tail. */
export function InvokePanel({ region, name, arn, accountId, onInvoked }: InvokePanelProps) {
  const config = useConfig();
  const href = useRegionHref();
  const [payload, setPayload] = useState('{\n  "hello": "world"\n}');
  const [selected, setSelected] = useState('');
  const [qualifier, setQualifier] = useState('');
  const [type, setType] = useState<InvocationType>('RequestResponse');
  const [payloadProblem, setPayloadProblem] = useState<string | undefined>();
  const [retrying, setRetrying] = useState<string | undefined>();
  const [templateNote, setTemplateNote] = useState<string | undefined>();
  const saved = useTestEvents(region, name);
  const versions = useInfiniteQuery(lambdaQueries.versions(region, name));
  const aliases = useInfiniteQuery(lambdaQueries.aliases(region, name));
  const invoke = useInvokeFunction();
  const permission = usePermission('lambda:InvokeFunction', arn, {
    key: ['lambda', 'InvokeFunction', name],
    run: (signal) => probeInvoke({ region, name }, signal),
  });

  const qualifiers = [
    { value: '', label: '$LATEST' },
    ...rowsOf(versions.data)
      .filter((v) => v.version !== '$LATEST')
      .map((v) => ({ value: v.version, label: `Version ${v.version}` })),
    ...rowsOf(aliases.data).map((a) => ({ value: a.name, label: `Alias ${a.name} → ${a.version}` })),
  ];

  const run = () => {
    try {
      checkPayload(payload, type);
    } catch (e) {
      setPayloadProblem((e as Error).message);
      return;
    }
    setPayloadProblem(undefined);
    setRetrying(undefined);
    invoke.mutate(
      {
        region,
        name,
        qualifier: qualifier || undefined,
        payload,
        type,
        onRetry: ({ attempt, delayMs, reason }) =>
          setRetrying(`Throttled (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s, attempt ${attempt + 1}…`),
      },
      {
        onSuccess: (r) => onInvoked(recordInvocation(`${region}/${name}`, recordOf(r, qualifier))),
        onSettled: () => setRetrying(undefined),
      },
    );
  };

  const applyTemplate = async (id: EventTemplate['id']) => {
    setTemplateNote(undefined);
    const ctx = { region, accountId };
    if (id === 's3-put') {
      const sample = await findSampleObject({ region, knownBuckets: config.buckets }).catch(() => undefined);
      if (!sample) setTemplateNote('No object found in your buckets: the template names an example bucket.');
      setPayload(
        templatePayload(id, {
          ...ctx,
          ...(sample
            ? { bucket: sample.bucket, object: { key: sample.key, size: sample.size, etag: sample.etag } }
            : {}),
        }),
      );
    } else if (id === 'sqs-batch') {
      const queueArn = await findSampleQueueArn({ region }).catch(() => undefined);
      setPayload(templatePayload(id, { ...ctx, queueArn }));
    } else setPayload(templatePayload(id, ctx));
    setSelected('');
  };

  const result = invoke.data;
  const logsTo = functionLogsHref(name, result?.requestId);
  const logsLink = logsTo ? (
    <Link to={href(logsTo)} className="inline-flex items-center gap-1 text-sm text-accent hover:underline">
      <ScrollText aria-hidden className="size-4" />
      {result?.type === 'Event' ? 'Open the log group filtered to this request' : 'Open these logs in the logs view'}
    </Link>
  ) : undefined;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <TestEventBar
        key={selected}
        events={saved.events}
        selected={selected}
        onSelect={(v) => {
          setSelected(v);
          const e = saved.events.find((x) => x.name === v);
          if (e) setPayload(e.payload);
        }}
        onTemplate={(id) => void applyTemplate(id)}
        onSave={(n) => {
          saved.save(n, payload);
          setSelected(n);
        }}
        onDelete={(n) => {
          saved.remove(n);
          setSelected('');
        }}
        onExport={saved.download}
        onImport={saved.importText}
      />
      {templateNote && <p className="text-xs text-muted">{templateNote}</p>}
      <JsonEditor label="Payload" value={payload} onChange={setPayload} height="14rem" />
      {payloadProblem && <FieldError>{payloadProblem}</FieldError>}
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Version or alias" value={qualifier} onChange={setQualifier} options={qualifiers} />
        <SelectField
          label="Invocation type"
          value={type}
          onChange={(v) => setType(v === 'Event' ? 'Event' : 'RequestResponse')}
          options={[
            { value: 'RequestResponse', label: 'Wait for the result (RequestResponse)' },
            { value: 'Event', label: 'Queue it (Event)' },
          ]}
        />
        <Button
          variant="primary"
          icon={<Play aria-hidden />}
          isLoading={invoke.isPending}
          disabledReason={permission.isAllowed === false ? permission.reason : undefined}
          onClick={run}
        >
          Invoke
        </Button>
      </div>
      {retrying && (
        <p role="status" className="text-sm text-warning">
          {retrying}
        </p>
      )}
      {invoke.failure && <ErrorNote>{invoke.failure}</ErrorNote>}
      {result && !invoke.isPending && <InvocationResult result={result} logsLink={logsLink} />}
    </div>
  );
}
