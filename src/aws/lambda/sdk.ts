// What the console calls, by name, so the chunk holds only these commands' schemas.
export {
  LambdaClient,
  GetFunctionCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
