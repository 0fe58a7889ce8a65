import type { QueryClient } from '@tanstack/react-query';
import { AwsSession } from '../aws/session';
import type { ConsoleConfig } from '../aws/config';
import type { CredentialStore } from '../aws/credentials';
import { createQueryClient, type BackgroundFailure } from '../aws/query-client';
import { MessageSessions } from './message-sessions';
import { TaskStore } from './tasks';

/**
 * One signed-in identity's whole state: the AWS side (credentials, clients, denials, instance activity,
 * names), the query cache, long-running tasks and received SQS messages. Created at sign-in, disposed at
 * sign-out (or on a role switch), so nothing of one identity is reused by the next and nothing is reset
 * by hand.
 */
export class ConsoleSession {
  readonly aws: AwsSession;
  readonly queryClient: QueryClient;
  readonly tasks = new TaskStore({ urgentGapMs: 50 });
  readonly messages: MessageSessions;

  constructor(
    config: ConsoleConfig,
    credentials: CredentialStore,
    onBackgroundError?: (failure: BackgroundFailure) => void,
  ) {
    this.aws = new AwsSession(config, credentials);
    this.queryClient = createQueryClient(this.aws.denied, onBackgroundError);
    this.messages = new MessageSessions({ queryClient: this.queryClient, denied: this.aws.denied });
  }

  /** Stops the session's work and forgets its data: tasks are cancelled, caches and credentials dropped. */
  dispose(): void {
    this.tasks.reset();
    this.messages.clear();
    this.queryClient.clear();
    this.aws.dispose();
  }
}
