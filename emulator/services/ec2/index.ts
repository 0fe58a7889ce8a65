import { AwsError } from '../../core/errors.js';
import { internalCall, lookupOperation, runOperation, type Call, type Operation } from '../../core/operations.js';
import type { ServiceEnv, ServiceFactory } from '../../core/types.js';
import { ec2ErrorDocument, ec2ResponseDocument } from '../../protocols/ec2-query.js';
import { parseQueryParams, type QueryParams } from '../../protocols/query-params.js';
import { sendXml } from '../../protocols/xml.js';
import type { XmlNode } from '../../protocols/xml.js';
import { seedEc2 } from '../../seed/ec2.js';
import { honourDryRun, instanceArn, instanceIdsParam, requireIds, type Ec2Handler } from './call.js';
import { describeInstanceStatus } from './operations/describe-instance-status.js';
import { describeInstances } from './operations/describe-instances.js';
import { describeAvailabilityZones, describeRegions } from './operations/describe-zones.js';
import { rebootInstances, startInstances, stopInstances, terminateInstances } from './operations/instance-actions.js';
import { runInstances } from './operations/run-instances.js';
import { createTags, deleteTags, resourceIds } from './operations/tag-operations.js';
import { InstanceStore } from './store.js';

interface Ec2State {
  store: InstanceStore;
  env: ServiceEnv;
}
type Ec2Operation = Operation<Ec2State, QueryParams>;

const XML_TYPE = 'text/xml;charset=UTF-8';

/** Adapt a handler to the operation table's run(input, call). */
function run(handler: Ec2Handler): Ec2Operation['run'] {
  return (params, call) =>
    handler({ params, region: call.region, store: call.state.store, env: call.state.env, now: Date.now() });
}

const arnsOf = (ids: string[], call: Call<Ec2State>) =>
  ids.map((id) => instanceArn({ region: call.region, env: call.state.env }, id));

/** An action on the instances named by InstanceId.N, authorized on each instance's ARN. */
function onInstances(action: string, handler: Ec2Handler): Ec2Operation {
  return {
    action,
    resource(params, call) {
      const ids = instanceIdsParam(params);
      requireIds(ids);
      return arnsOf(ids, call);
    },
    run: run(handler),
  };
}

/** A tag action on ResourceId.N. */
function onResources(action: string, handler: Ec2Handler): Ec2Operation {
  return { action, resource: (params, call) => arnsOf(resourceIds(params), call), run: run(handler) };
}

export const EC2_OPERATIONS: Record<string, Ec2Operation> = {
  DescribeInstances: { action: 'ec2:DescribeInstances', run: run(describeInstances) },
  DescribeInstanceStatus: { action: 'ec2:DescribeInstanceStatus', run: run(describeInstanceStatus) },
  DescribeRegions: { action: 'ec2:DescribeRegions', run: run(describeRegions) },
  DescribeAvailabilityZones: { action: 'ec2:DescribeAvailabilityZones', run: run(describeAvailabilityZones) },
  RunInstances: {
    action: 'ec2:RunInstances',
    resource: (_params, call) => `arn:aws:ec2:${call.region}:${call.state.env.accountId}:instance/*`,
    run: run(runInstances),
  },
  StartInstances: onInstances('ec2:StartInstances', startInstances),
  StopInstances: onInstances('ec2:StopInstances', stopInstances),
  RebootInstances: onInstances('ec2:RebootInstances', rebootInstances),
  TerminateInstances: onInstances('ec2:TerminateInstances', terminateInstances),
  CreateTags: onResources('ec2:CreateTags', createTags),
  DeleteTags: onResources('ec2:DeleteTags', deleteTags),
};

/** EC2 over the EC2 query protocol; instances per region in SQLite, states derived from timestamps. */
export const createEc2Service: ServiceFactory = async (env) => {
  const store = new InstanceStore(env.dataDir);
  const state: Ec2State = { store, env };
  return {
    name: 'ec2',
    async handle(ctx) {
      const params = parseQueryParams(ctx.body, ctx.url);
      const action = params.get('Action');
      if (!action) throw new AwsError('MissingAction', 'The request must contain the parameter Action');
      const op = lookupOperation(EC2_OPERATIONS, action);
      if (!op) throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
      const body = (await runOperation(op, action, ctx, state, () => params, honourDryRun)) as XmlNode;
      sendXml(ctx.res, 200, ec2ResponseDocument(action, ctx.requestId, body), ctx.requestId, XML_TYPE);
    },
    writeError(ctx, error) {
      sendXml(ctx.res, error.status, ec2ErrorDocument(error, ctx.requestId), ctx.requestId, XML_TYPE);
    },
    async internal(operation, input, region) {
      const op = lookupOperation(EC2_OPERATIONS, operation);
      if (!op) throw new AwsError('InvalidAction', `The action ${operation} is not valid for this web service.`);
      const params: QueryParams = new Map(Object.entries(input).map(([k, v]) => [k, String(v)]));
      return op.run(params, internalCall(state, region, env.accountId));
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
