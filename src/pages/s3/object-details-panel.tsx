import { useQuery } from '@tanstack/react-query';
import { Download, Link2, Trash2 } from 'lucide-react';
import { s3Keys, s3Queries } from '../../aws/s3/queries';
import { presignGet } from '../../aws/s3/presign';
import type { ObjectDetails } from '../../aws/s3/api';
import { useConfig } from '../../app/config-context';
import { errorProps } from '../../app/error-props';
import { ErrorNotice } from '../../components/error-notice';
import { ObjectDetailsView } from '../../components/s3/object-details-view';
import { ObjectPreview, type PreviewContent } from '../../components/s3/object-preview';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/skeleton';

const TEXT_EXTENSIONS = /\.(txt|md|csv|tsv|log|html?|xml|ya?ml|ini|conf|cfg|toml|js|ts|css|sh|py|sql)$/i;
const IMAGE_LIMIT = 20 * 1024 * 1024;

type PreviewKind = 'image' | 'json' | 'text' | 'none';

export function previewKind(d: Pick<ObjectDetails, 'key' | 'contentType' | 'size'>): PreviewKind {
  const type = (d.contentType ?? '').toLowerCase();
  if (type.startsWith('image/') || /\.(png|jpe?g|gif|webp|svg|avif)$/i.test(d.key))
    return d.size <= IMAGE_LIMIT ? 'image' : 'none';
  if (type.includes('json') || /\.json$/i.test(d.key)) return 'json';
  if (type.startsWith('text/') || TEXT_EXTENSIONS.test(d.key)) return 'text';
  return 'none';
}

export interface ObjectDetailsPanelProps {
  region: string;
  bucket: string;
  objectKey: string;
  /** The object's name relative to the folder. */
  name: string;
  onClose: () => void;
  onDownload: () => void;
  onShare: () => void;
  onDelete: () => void;
  isDownloading?: boolean;
  deleteDisabledReason?: string;
}

export function ObjectDetailsPanel(props: ObjectDetailsPanelProps) {
  const { region, bucket, objectKey } = props;
  const config = useConfig();
  const details = useQuery(s3Queries.objectDetails(region, bucket, objectKey));
  const kind = details.data ? previewKind(details.data) : 'none';
  const text = useQuery({
    ...s3Queries.objectText(region, bucket, objectKey),
    enabled: kind === 'json' || kind === 'text',
  });
  const image = useQuery({
    queryKey: [...s3Keys.object(region, bucket, objectKey), 'view-url'],
    queryFn: () => presignGet({ region, bucket, key: objectKey, expiresIn: 900 }),
    enabled: kind === 'image',
    staleTime: 10 * 60_000,
    meta: { isSilent: true },
  });

  let preview: PreviewContent | undefined;
  if (details.data) {
    if (kind === 'none')
      preview = {
        kind: 'none',
        reason: `No preview for ${details.data.contentType ?? 'this type'}${details.data.size > IMAGE_LIMIT ? ' of this size' : ''}.`,
      };
    else if (kind === 'image' && image.data)
      preview = { kind: 'image', url: image.data.url, alt: `Preview of ${props.name}` };
    else if (text.data)
      preview = { kind: 'text', text: text.data.text, isTruncated: text.data.isTruncated, isJson: kind === 'json' };
    else if (text.error || image.error)
      preview = { kind: 'none', reason: `Could not load a preview: ${(text.error ?? image.error)?.message ?? ''}` };
  }

  return (
    <ObjectDetailsView
      name={props.name}
      uri={`s3://${bucket}/${objectKey}`}
      {...(details.data ? { details: details.data } : {})}
      isLoading={details.isPending}
      error={
        details.error ? (
          <ErrorNotice {...errorProps(details.error, config, 's3', () => void details.refetch())} />
        ) : undefined
      }
      onClose={props.onClose}
      actions={
        <>
          <Button size="sm" icon={<Download aria-hidden />} isLoading={props.isDownloading} onClick={props.onDownload}>
            Download
          </Button>
          <Button size="sm" icon={<Link2 aria-hidden />} onClick={props.onShare}>
            Copy link
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<Trash2 aria-hidden />}
            disabledReason={props.deleteDisabledReason}
            onClick={props.onDelete}
          >
            Delete
          </Button>
        </>
      }
      preview={
        details.data ? (
          preview ? (
            <ObjectPreview content={preview} />
          ) : (
            <Spinner label="Loading preview…" size="sm" isLabelVisible />
          )
        ) : undefined
      }
    />
  );
}
