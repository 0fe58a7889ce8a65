import { pageOf, type Page } from '../paging';
import { send } from '../send';

export async function listTableNames(
  params: { region: string; token?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<string>> {
  const out = await send(
    'dynamodb',
    params.region,
    (ddb) => new ddb.ListTablesCommand({ ExclusiveStartTableName: params.token, Limit: params.limit ?? 100 }),
    signal,
  );
  return pageOf(out.TableNames ?? [], out.LastEvaluatedTableName);
}
