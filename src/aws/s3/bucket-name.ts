/**
 * S3's naming rules for general purpose buckets, each as the sentence a user needs when it is broken.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** The first rule `name` breaks, or undefined when it is a valid bucket name. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a bucket name.';
  if (name.length < 3) return 'A bucket name has at least 3 characters.';
  if (name.length > 63) return `A bucket name has at most 63 characters (this one has ${name.length}).`;
  const bad = /[^a-z0-9.-]/.exec(name);
  if (bad) {
    const ch = bad[0];
    return /[A-Z]/.test(ch)
      ? `Use lower-case letters only ("${ch}" is upper-case).`
      : `Use only lower-case letters, digits, dots (.) and hyphens (-): "${ch}" is not allowed.`;
  }
  if (!/^[a-z0-9]/.test(name)) return 'A bucket name begins with a letter or digit.';
  if (!/[a-z0-9]$/.test(name)) return 'A bucket name ends with a letter or digit.';
  if (name.includes('..')) return 'A bucket name has no two dots in a row.';
  if (name.includes('.-') || name.includes('-.')) return 'A dot cannot be next to a hyphen (".-" or "-.").';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'A bucket name cannot look like an IP address (192.168.5.4).';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `Names beginning with "${prefix}" are reserved by AWS.`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `Names ending with "${suffix}" are reserved by AWS.`;
  return undefined;
}
