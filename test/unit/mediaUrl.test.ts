import type { IExecuteFunctions } from 'n8n-workflow';

import { downloadResult } from '../../nodes/core/download';
import { checkMediaUrl, internalAddressKind } from '../../nodes/core/mediaUrl';

const API = 'https://api.useapi.net';
const SIMULATOR = 'http://127.0.0.1:4010';

describe('addresses inside the n8n host network', () => {
	it.each([
		['localhost', 'a loopback address'],
		['app.localhost', 'a loopback address'],
		['127.0.0.1', 'a loopback address'],
		['127.255.1.2', 'a loopback address'],
		['[::1]', 'a loopback address'],
		['[::ffff:7f00:1]', 'a loopback address'],
		['10.1.2.3', 'a private address'],
		['172.16.0.1', 'a private address'],
		['172.31.255.255', 'a private address'],
		['192.168.1.1', 'a private address'],
		['[fd00::1]', 'a private address'],
		['100.64.0.1', 'a shared (carrier-grade NAT) address'],
		['169.254.169.254', 'a link-local address'],
		['[fe80::1]', 'a link-local address'],
		['0.0.0.0', 'an unspecified address'],
		['[::]', 'an unspecified address'],
	])('%s is %s', (host, kind) => {
		expect(internalAddressKind(host)).toBe(kind);
	});

	it.each(['media.pixverse.ai', '8.8.8.8', '172.32.0.1', '192.169.0.1', '[2001:db8::1]', 'localhost.example.com'])('%s is not', (host) => {
		expect(internalAddressKind(host)).toBeUndefined();
	});
});

describe('which media URLs a download may fetch', () => {
	it('fetches http(s) on public hosts', () => {
		expect(checkMediaUrl('https://media.pixverse.ai/a.mp4', API)).toMatchObject({ ok: true, apiOrigin: false });
		expect(checkMediaUrl('http://media.pixverse.ai/a.mp4', API)).toMatchObject({ ok: true });
	});

	it.each(['file:///etc/passwd', 'ftp://media.pixverse.ai/a.mp4', 'data:video/mp4;base64,AAAA', 'javascript:alert(1)', 'gopher://x/'])('refuses %s', (url) => {
		const check = checkMediaUrl(url, API);
		expect(check).toEqual({ ok: false, problem: `only http:// and https:// URLs are downloaded, not ${new URL(url).protocol}` });
	});

	it('refuses what is not a URL', () => {
		expect(checkMediaUrl('/media/1.mp4', API)).toEqual({ ok: false, problem: '"/media/1.mp4" is not a URL' });
	});

	it.each([
		['http://127.0.0.1:4010/media/1.mp4', API],
		['http://2130706433/x', API],
		['http://0x7f000001/x', API],
		['http://[::ffff:127.0.0.1]/x', API],
		['http://169.254.169.254/latest/meta-data/', SIMULATOR],
		['http://127.0.0.1:9999/media/1.mp4', SIMULATOR],
		['http://localhost:4010/media/1.mp4', SIMULATOR],
	])('refuses %s with the Base URL %s', (url, baseUrl) => {
		const check = checkMediaUrl(url, baseUrl);
		expect(check.ok).toBe(false);
		expect(!check.ok && check.problem).toMatch(/ is an? [a-z-]+ address; media is downloaded from inside the n8n host's network only from the Base URL itself/);
	});

	it("fetches from a loopback Base URL's own origin: the simulator serves its media", () => {
		expect(checkMediaUrl('http://127.0.0.1:4010/media/1.mp4', SIMULATOR)).toMatchObject({ ok: true, apiOrigin: true });
	});
});

describe("n8n's egress filter", () => {
	const context = (validateUrl: jest.Mock, httpRequest: jest.Mock) =>
		({
			getCredentials: async () => ({ apiToken: 't', baseUrl: API }),
			helpers: { getSecureEgressFilter: (policy: string) => (policy === 'enforced' ? { validateUrl } : undefined), httpRequest },
		}) as unknown as IExecuteFunctions;

	it('is asked, always enforced, before a host name is fetched, and its refusal stops the download', async () => {
		const validateUrl = jest.fn(async () => ({ ok: false, error: new Error('IP address 10.0.0.8 is blocked') }));
		const httpRequest = jest.fn();
		await expect(downloadResult(context(validateUrl, httpRequest), 'https://media.example.com/a.mp4', 'v')).rejects.toThrow(
			'The download from media.example.com was refused: IP address 10.0.0.8 is blocked',
		);
		expect(validateUrl).toHaveBeenCalledTimes(1);
		expect(httpRequest).not.toHaveBeenCalled();
	});

	it('is optional: n8n before 2.41 has none, and the address checks still apply', async () => {
		const httpRequest = jest.fn();
		const older = { getCredentials: async () => ({ baseUrl: API }), helpers: { httpRequest } } as unknown as IExecuteFunctions;
		await expect(downloadResult(older, 'http://169.254.169.254/', 'v')).rejects.toThrow('169.254.169.254 is a link-local address');
		expect(httpRequest).not.toHaveBeenCalled();
	});
});
