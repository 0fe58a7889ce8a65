import { AwsError } from '../../core/errors.js';

/** A DynamoDB error whose body carries structured fields beside the message (CancellationReasons, Item). */
export class DynamoDbError extends AwsError {
  readonly fields: Record<string, unknown>;

  constructor(code: string, message: string, fields: Record<string, unknown>, status = 400) {
    super(code, message, status);
    this.fields = fields;
  }
}
