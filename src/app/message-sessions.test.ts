// Received messages belong to the session, not to the messages tab: against the real emulator.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CreateQueueCommand, DeleteMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing';
import { parseConfig } from '../aws/config';
import { CredentialStore } from '../aws/credentials';
import { activateSession } from '../aws/session';
import { ConsoleSession } from './console-session';

let emu: TestEmulator;
let session: ConsoleSession;
let sqs: SQSClient;
let url: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  sqs = new SQSClient(emu.clientConfig);
  url = (await sqs.send(new CreateQueueCommand({ QueueName: 'kept-messages' }))).QueueUrl ?? '';
  for (const body of ['one', 'two']) await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
  const config = parseConfig({
    regions: [emu.region],
    endpoint: emu.url,
    auth: { mode: 'static', ...emu.credentials },
  });
  session = new ConsoleSession(config, new CredentialStore(async () => ({ ...emu.credentials })));
  activateSession(session.aws);
});

afterAll(async () => {
  session.dispose();
  activateSession(undefined);
  await emu?.dispose();
});

const defaults = { mode: 'receive' as const, visibility: '60', maxMessages: '2', duration: '5' };

it('keeps received messages and their receipt handles after the tab that received them is gone', async () => {
  // The messages tab asks for the queue's session, starts a receive, and is then unmounted (a tab switch).
  await session.messages.of(emu.region, url, defaults).start(undefined);

  // Back on the tab: the same session, the same messages, and handles that still delete them.
  const again = session.messages.of(emu.region, url, defaults).snapshot();
  expect(again.messages.map((m) => m.body).sort()).toEqual(['one', 'two']);
  expect(again.status.state).toBe('ended');
  for (const m of again.messages)
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.receiptHandle }));
});

it('forgets them at sign-out', () => {
  const other = new ConsoleSession(session.aws.config, new CredentialStore(async () => ({ ...emu.credentials })));
  const s = other.messages.of(emu.region, url, defaults);
  other.dispose();
  expect(other.messages.of(emu.region, url, defaults)).not.toBe(s);
});
