/**
 * What kind of network a URL's host names, read from the host as written (no DNS lookup):
 * `link-local` (169.254/16, fe80::/10; cloud metadata lives there), `loopback`, `private`
 * (RFC 1918, CGNAT, unique-local IPv6, 0.0.0.0/8) or `public` (anything else, names included).
 */
export type AddressKind = 'public' | 'private' | 'loopback' | 'link-local';

function ipv4Kind(host: string): AddressKind | undefined {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (!match) return undefined;
	const [a, b] = match.slice(1, 3).map(Number);
	if (a === 127) return 'loopback';
	if (a === 169 && b === 254) return 'link-local';
	if (a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
	return 'public';
}

function ipv6Kind(host: string): AddressKind | undefined {
	if (!host.startsWith('[') || !host.endsWith(']')) return undefined;
	const address = host.slice(1, -1).toLowerCase();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
	if (mapped) return ipv4Kind(mapped);
	if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(address)) {
		const [high, low] = address.slice(7).split(':').map((part) => parseInt(part, 16));
		return ipv4Kind([high >> 8, high & 255, low >> 8, low & 255].join('.'));
	}
	if (address === '::1') return 'loopback';
	if (address === '::') return 'private';
	if (/^fe[89ab][0-9a-f]:/.test(address)) return 'link-local';
	if (/^f[cd][0-9a-f]{2}:/.test(address)) return 'private';
	return 'public';
}

export function addressKind(url: URL): AddressKind {
	const host = url.hostname.toLowerCase().replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
	return ipv4Kind(host) ?? ipv6Kind(host) ?? 'public';
}
