import { randomBytes } from 'node:crypto';
import { receiptHandleIsInvalid } from './errors.js';

/** A receipt handle names the queue, the message row and the receive it came from (a fresh token each time). */
export interface Receipt {
  queueId: number;
  rowId: number;
  token: string;
}

export function newReceiptToken(): string {
  return randomBytes(16).toString('hex');
}

export function encodeReceipt(r: Receipt): string {
  return Buffer.from(`sqs-emu:${r.queueId}:${r.rowId}:${r.token}`).toString('base64');
}

export function decodeReceipt(handle: string): Receipt {
  const m = /^sqs-emu:(\d{1,15}):(\d{1,15}):([0-9a-f]{32})$/.exec(Buffer.from(handle, 'base64').toString('latin1'));
  if (!m) throw receiptHandleIsInvalid(handle);
  return { queueId: Number(m[1]), rowId: Number(m[2]), token: m[3] as string };
}
