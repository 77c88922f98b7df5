// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostAccessNotice } from '@/components/options/HostAccessNotice';
import { hostName, hostPattern } from '@/utils/api/host-permission';
import { CHINESE, ENGLISH } from '../support/languages';

afterEach(cleanup);

describe('host access', () => {
  it('builds a port-free pattern Firefox accepts', () => {
    expect(hostPattern('http://127.0.0.1:8787/api')).toBe('http://127.0.0.1/*');
    expect(hostPattern('https://openapi.thordata.com/api')).toBe('https://openapi.thordata.com/*');
    expect(hostName('https://openapi.thordata.com/api')).toBe('openapi.thordata.com');
  });

  it('says nothing when access is granted', () => {
    render(<HostAccessNotice host="openapi.thordata.com" granted t={ENGLISH.t} onRequest={vi.fn()} />);
    expect(screen.queryByTestId('host-access')).toBeNull();
  });

  it('asks for access and disappears once it is granted', async () => {
    const onRequest = vi.fn(async () => true);
    render(<HostAccessNotice host="openapi.thordata.com" granted={false} t={ENGLISH.t} onRequest={onRequest} />);
    expect(screen.getByRole('alert').textContent).toContain('has not allowed the extension to reach openapi.thordata.com');
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    await waitFor(() => expect(screen.queryByTestId('host-access')).toBeNull());
    expect(onRequest).toHaveBeenCalledTimes(1);
  });

  it('says so when the person refuses, in Chinese too', async () => {
    render(<HostAccessNotice host="openapi.thordata.com" granted={false} t={CHINESE.t} onRequest={async () => false} />);
    fireEvent.click(screen.getByRole('button', { name: '允许访问' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('未获得访问权限'));
  });
});
