// What the console calls, by name: a namespace import of the whole @aws-sdk/client-sts would keep every
// operation's schema in the chunk (rolldown cannot tree-shake a namespace used at run time).
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
