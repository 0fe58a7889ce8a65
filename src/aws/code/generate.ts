import type { ApiCall, CodeLanguage } from './call';
import { toPythonParts, renderPython, toBoto3, type PythonParts } from './boto3';
import { toCli } from './cli';
import { renderJs, toJsParts, toSdkV3, type JsParts } from './sdk-v3';

export type CodeSnippets = Record<CodeLanguage, string>;

/** The same call as an AWS CLI command, boto3 code and SDK v3 code. */
export function codeFor(call: ApiCall): CodeSnippets {
  return { cli: toCli(call), boto3: toBoto3(call), sdk: toSdkV3(call) };
}

export function codeIn(language: CodeLanguage, call: ApiCall): string {
  return language === 'cli' ? toCli(call) : language === 'boto3' ? toBoto3(call) : toSdkV3(call);
}

/** Several calls (one per entry, in order) as one code block: what several actions or pages sent. */
export function codeForAll(calls: readonly ApiCall[], language: CodeLanguage): string {
  if (calls.length === 1 && calls[0]) return codeIn(language, calls[0]);
  return scriptOf(
    calls.map((call) => ({ call })),
    language,
  );
}

export interface ScriptStep {
  call: ApiCall;
  /** A line said before the step: when it ran and how it ended. */
  note?: string;
}

/** A sequence of calls as one script: a bash script of CLI commands, a Python or a JavaScript module. */
export function scriptOf(steps: readonly ScriptStep[], language: CodeLanguage): string {
  if (language === 'cli') {
    const lines = ['#!/usr/bin/env bash', 'set -euo pipefail'];
    for (const s of steps) lines.push('', ...(s.note ? [`# ${oneLine(s.note)}`] : []), toCli(s.call));
    return `${lines.join('\n')}\n`;
  }
  if (language === 'boto3') {
    const parts: PythonParts = { imports: new Set(), clients: new Map(), body: [] };
    for (const s of steps) {
      if (parts.body.length) parts.body.push('');
      if (s.note) parts.body.push(`# ${oneLine(s.note)}`);
      toPythonParts(s.call, parts, true);
    }
    return renderPython(parts);
  }
  const parts: JsParts = { imports: new Map(), clients: new Map(), body: [] };
  for (const s of steps) {
    if (parts.body.length) parts.body.push('');
    if (s.note) parts.body.push(`// ${oneLine(s.note)}`);
    toJsParts(s.call, parts, true);
  }
  return renderJs(parts);
}

// A note is a comment: a line break in a resource name must not end it.
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
