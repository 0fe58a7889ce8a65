// What the console calls, by name: a namespace import of the whole @aws-sdk/client-dynamodb would keep every
// operation's schema in the chunk (rolldown cannot tree-shake a namespace used at run time).
export {
  DynamoDBClient,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
