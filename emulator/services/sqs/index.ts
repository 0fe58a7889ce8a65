// PLACEHOLDER: replaced by the sqs implementation.
import { AwsError } from '../../core/errors.js';
import type { ServiceFactory } from '../../core/types.js';

export const createSqsService: ServiceFactory = async () => ({
  name: 'sqs',
  async handle() {
    throw new AwsError('NotImplemented', 'sqs is not implemented yet', 501);
  },
  writeError(ctx, error) {
    ctx.res.writeHead(error.status, { 'Content-Type': 'text/plain' });
    ctx.res.end(error.code + ': ' + error.message);
  },
  reset: async () => {},
  close: async () => {},
});
