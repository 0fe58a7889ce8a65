import { AwsError } from '../../core/errors.js';
import type { ServiceFactory } from '../../core/types.js';
import { parseQueryParams, sendEc2Error, sendEc2Response } from '../../protocols/ec2-query.js';
import { seedEc2 } from '../../seed/ec2.js';
import type { Ec2Handler } from './call.js';
import { describeInstanceStatus } from './operations/describe-instance-status.js';
import { describeInstances } from './operations/describe-instances.js';
import { describeAvailabilityZones, describeRegions } from './operations/describe-zones.js';
import { rebootInstances, startInstances, stopInstances, terminateInstances } from './operations/instance-actions.js';
import { runInstances } from './operations/run-instances.js';
import { createTags, deleteTags } from './operations/tag-operations.js';
import { InstanceStore } from './store.js';

const OPERATIONS: Record<string, Ec2Handler> = {
  DescribeInstances: describeInstances,
  RunInstances: runInstances,
  StartInstances: startInstances,
  StopInstances: stopInstances,
  RebootInstances: rebootInstances,
  TerminateInstances: terminateInstances,
  DescribeInstanceStatus: describeInstanceStatus,
  CreateTags: createTags,
  DeleteTags: deleteTags,
  DescribeRegions: describeRegions,
  DescribeAvailabilityZones: describeAvailabilityZones,
};

/** EC2 over the EC2 query protocol; instances per region in SQLite, states derived from timestamps. */
export const createEc2Service: ServiceFactory = async (env) => {
  const store = new InstanceStore(env.dataDir);
  return {
    name: 'ec2',
    async handle(ctx) {
      const params = parseQueryParams(ctx.body, ctx.url);
      const action = params.get('Action');
      if (!action) throw new AwsError('MissingAction', 'The request must contain the parameter Action');
      const handler = Object.hasOwn(OPERATIONS, action) ? OPERATIONS[action] : undefined;
      if (!handler) throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
      await ctx.begin(action);
      const body = await handler({ ctx, params, store, env, now: Date.now() });
      sendEc2Response(ctx.res, action, ctx.requestId, body);
    },
    writeError(ctx, error) {
      sendEc2Error(ctx.res, error, ctx.requestId);
    },
    async reset() {
      store.reset();
    },
    async seed() {
      if (store.isEmpty()) seedEc2(store, Date.now());
    },
    async close() {
      store.close();
    },
  };
};
