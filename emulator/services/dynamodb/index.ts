// PLACEHOLDER: replaced by the dynamodb implementation.
import { AwsError } from '../../core/errors.js';
import type { ServiceFactory } from '../../core/types.js';

export const createDynamoDbService: ServiceFactory = async () => ({
  name: 'dynamodb',
  async handle() {
    throw new AwsError('NotImplemented', 'dynamodb is not implemented yet', 501);
  },
  writeError(ctx, error) {
    ctx.res.writeHead(error.status, { 'Content-Type': 'text/plain' });
    ctx.res.end(error.code + ': ' + error.message);
  },
  reset: async () => {},
  close: async () => {},
});
