import { withClient } from '../clients';

export interface TablePage {
  names: string[];
  nextToken?: string;
}

export async function listTables(
  region: string,
  params: { token?: string; limit?: number },
  signal?: AbortSignal,
): Promise<TablePage> {
  return withClient('dynamodb', region, async (client) => {
    const { ListTablesCommand } = await import('@aws-sdk/client-dynamodb');
    const out = await client.send(
      new ListTablesCommand({ ExclusiveStartTableName: params.token, Limit: params.limit ?? 100 }),
      { abortSignal: signal },
    );
    return {
      names: out.TableNames ?? [],
      ...(out.LastEvaluatedTableName ? { nextToken: out.LastEvaluatedTableName } : {}),
    };
  });
}
