/** The same call as code in three languages (what src/aws/code generates). */
export interface CodeSnippets {
  cli: string;
  boto3: string;
  sdk: string;
}

export type SnippetLanguage = keyof CodeSnippets;

export const LANGUAGES: readonly { id: SnippetLanguage; label: string; what: string }[] = [
  { id: 'cli', label: 'AWS CLI', what: 'AWS CLI command' },
  { id: 'boto3', label: 'boto3', what: 'boto3 code' },
  { id: 'sdk', label: 'SDK v3', what: 'SDK v3 code' },
];
