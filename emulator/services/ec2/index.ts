// PLACEHOLDER: replaced by the ec2 implementation.
import { AwsError } from '../../core/errors.js';
import type { ServiceFactory } from '../../core/types.js';

export const createEc2Service: ServiceFactory = async () => ({
  name: 'ec2',
  async handle() {
    throw new AwsError('NotImplemented', 'ec2 is not implemented yet', 501);
  },
  writeError(ctx, error) {
    ctx.res.writeHead(error.status, { 'Content-Type': 'text/plain' });
    ctx.res.end(error.code + ': ' + error.message);
  },
  reset: async () => {},
  close: async () => {},
});
