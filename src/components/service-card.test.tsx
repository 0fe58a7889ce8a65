// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ServiceCard } from './service-card';

afterEach(cleanup);

describe('ServiceCard', () => {
  it('shows loading, then empty, each in its own card', () => {
    render(
      <MemoryRouter>
        <ServiceCard title="S3 buckets" isLoading isEmpty={false} emptyText="No buckets" />
        <ServiceCard title="SQS queues" isLoading={false} isEmpty emptyText="No queues" count="0" />
      </MemoryRouter>,
    );
    const s3 = screen.getByRole('region', { name: 'S3 buckets' });
    // Skeleton lines stand in for the data; screen readers hear what is loading.
    expect(within(s3).getByRole('status').textContent).toBe('Loading…');
    expect(s3.getAttribute('aria-busy')).toBe('true');
    expect(within(s3).queryByText('No buckets')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'SQS queues' })).getByText('No queues')).toBeTruthy();
  });

  it('renders a forbidden error in place of the data, naming action and resource, without blanking a sibling', () => {
    render(
      <MemoryRouter>
        <ServiceCard
          title="EC2 instances"
          isLoading={false}
          isEmpty={false}
          emptyText="No instances"
          count="3"
          error={{ kind: 'forbidden', message: 'denied', action: 'ec2:DescribeInstances', resource: '*' }}
        >
          <p>secret data</p>
        </ServiceCard>
        <ServiceCard title="DynamoDB tables" isLoading={false} isEmpty={false} emptyText="No tables" count="2">
          <p>Orders</p>
        </ServiceCard>
      </MemoryRouter>,
    );
    const ec2 = screen.getByRole('region', { name: 'EC2 instances' });
    const alert = within(ec2).getByRole('alert');
    expect(alert.textContent).toContain('Access denied');
    expect(alert.textContent).toContain('ec2:DescribeInstances');
    expect(within(ec2).queryByText('secret data')).toBeNull();
    expect(within(ec2).queryByText('3')).toBeNull();
    expect(within(ec2).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'DynamoDB tables' })).getByText('Orders')).toBeTruthy();
  });

  it('offers Retry for other errors and shows the hint', () => {
    const onRetry = vi.fn();
    render(
      <MemoryRouter>
        <ServiceCard
          title="S3 buckets"
          isLoading={false}
          isEmpty={false}
          emptyText="No buckets"
          error={{ kind: 'network', message: 'Failed to fetch', hint: 'Check CORS', onRetry }}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Check CORS');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('links the title to the page when one exists', () => {
    render(
      <MemoryRouter>
        <ServiceCard
          title="S3 buckets"
          href="/buckets?region=eu-west-1"
          isLoading={false}
          isEmpty
          emptyText="No buckets"
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'S3 buckets' }).getAttribute('href')).toBe('/buckets?region=eu-west-1');
  });
});
