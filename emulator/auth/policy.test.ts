import { describe, expect, it } from 'vitest';
import { evaluate, type PolicyDocument } from './policy.js';

const policy = (Statement: PolicyDocument['Statement']): PolicyDocument => ({ Version: '2012-10-17', Statement });

describe('policy evaluation', () => {
  it('allows by wildcard, case-insensitively for actions but not for resources', () => {
    const p = policy([{ Effect: 'Allow', Action: 'S3:get*', Resource: 'arn:aws:s3:::Bucket/*' }]);
    expect(evaluate([p], 's3:GetObject', 'arn:aws:s3:::Bucket/a/b.txt')).toBe('allow');
    expect(evaluate([p], 's3:GetObject', 'arn:aws:s3:::bucket/a/b.txt')).toBe('implicit-deny');
    expect(evaluate([p], 's3:PutObject', 'arn:aws:s3:::Bucket/a')).toBe('implicit-deny');
  });

  it('lets an explicit Deny win and supports ?, NotAction and NotResource', () => {
    const p = policy([
      { Effect: 'Allow', NotAction: 'ec2:Terminate*', Resource: '*' },
      { Effect: 'Deny', Action: 'sqs:*', NotResource: 'arn:aws:sqs:us-east-1:1:q?' },
    ]);
    expect(evaluate([p], 'ec2:StopInstances', 'x')).toBe('allow');
    expect(evaluate([p], 'ec2:TerminateInstances', 'x')).toBe('implicit-deny');
    expect(evaluate([p], 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:q1')).toBe('allow');
    expect(evaluate([p], 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:q10')).toBe('deny');
  });

  it('evaluates StringLike / StringEquals conditions on the keys passed in', () => {
    const p = policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: '*',
      Condition: { StringLike: { 's3:prefix': ['home/*', ''] } },
    });
    expect(evaluate([p], 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': 'home/alice/' })).toBe('allow');
    expect(evaluate([p], 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': 'etc/' })).toBe('implicit-deny');
    expect(evaluate([p], 's3:ListBucket', 'arn:aws:s3:::b')).toBe('implicit-deny');
    const q = policy({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    });
    expect(evaluate([q], 'ec2:RunInstances', '*', { 'aws:RequestedRegion': 'eu-west-1' })).toBe('deny');
    expect(evaluate([q], 'ec2:RunInstances', '*', { 'aws:RequestedRegion': 'us-east-1' })).toBe('implicit-deny');
  });
});
