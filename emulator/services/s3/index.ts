// PLACEHOLDER: replaced by the s3 implementation.
import { AwsError } from '../../core/errors.js';
import type { ServiceFactory } from '../../core/types.js';

export const createS3Service: ServiceFactory = async () => ({
  name: 's3',
  async handle() {
    throw new AwsError('NotImplemented', 's3 is not implemented yet', 501);
  },
  writeError(ctx, error) {
    ctx.res.writeHead(error.status, { 'Content-Type': 'text/plain' });
    ctx.res.end(error.code + ': ' + error.message);
  },
  reset: async () => {},
  close: async () => {},
});
