// What the console calls, by name: a namespace import of the whole @aws-sdk/client-ec2 would keep every
// operation's schema in the chunk (rolldown cannot tree-shake a namespace used at run time).
export {
  EC2Client,
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  RebootInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
