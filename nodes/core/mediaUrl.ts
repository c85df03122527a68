/**
 * Which URLs a download may fetch. A record's `url` comes from useapi (or, for a hostile API,
 * from anyone), so only http(s) is fetched, and never an address inside the n8n host's own
 * network (loopback, private, link-local) unless it is the Base URL's own origin: the local
 * simulator serves its media itself. Host names are checked after DNS by n8n's egress filter
 * where n8n has one (see download.ts).
 */

const IPV4_RANGES: Array<{ base: number[]; bits: number; kind: string }> = [
	{ base: [0, 0, 0, 0], bits: 8, kind: 'an unspecified address' },
	{ base: [127, 0, 0, 0], bits: 8, kind: 'a loopback address' },
	{ base: [10, 0, 0, 0], bits: 8, kind: 'a private address' },
	{ base: [172, 16, 0, 0], bits: 12, kind: 'a private address' },
	{ base: [192, 168, 0, 0], bits: 16, kind: 'a private address' },
	{ base: [100, 64, 0, 0], bits: 10, kind: 'a shared (carrier-grade NAT) address' },
	{ base: [169, 254, 0, 0], bits: 16, kind: 'a link-local address' },
];

const toNumber = (octets: number[]) => octets.reduce((sum, octet) => sum * 256 + octet, 0);

function ipv4Kind(hostname: string): string | undefined {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
	if (!match) return undefined;
	const address = toNumber(match.slice(1).map(Number));
	const range = IPV4_RANGES.find(({ base, bits }) => Math.floor(address / 2 ** (32 - bits)) === Math.floor(toNumber(base) / 2 ** (32 - bits)));
	return range?.kind;
}

/** The 8 groups of an IPv6 address (the URL parser has already compressed and lower-cased it). */
function ipv6Groups(address: string): number[] | undefined {
	const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
	const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
	const first = parse(head);
	const last = parse(tail);
	const groups = tail === undefined ? first : [...first, ...Array(8 - first.length - last.length).fill(0), ...last];
	return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

function ipv6Kind(hostname: string): string | undefined {
	if (!hostname.startsWith('[') || !hostname.endsWith(']')) return undefined;
	const groups = ipv6Groups(hostname.slice(1, -1));
	if (!groups) return 'an unreadable IPv6 address';
	const zeroPrefix = groups.slice(0, 5).every((group) => group === 0);
	if (zeroPrefix && groups[5] === 0xffff) {
		// An IPv4-mapped address (::ffff:127.0.0.1) is that IPv4 address.
		return ipv4Kind([groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.'));
	}
	if (zeroPrefix && groups[5] === 0 && groups[6] === 0 && groups[7] <= 1) return groups[7] ? 'a loopback address' : 'an unspecified address';
	if ((groups[0] & 0xfe00) === 0xfc00) return 'a private address';
	if ((groups[0] & 0xffc0) === 0xfe80) return 'a link-local address';
	return undefined;
}

/** What kind of address inside the host's own network a URL host is, or undefined for any other host. */
export function internalAddressKind(hostname: string): string | undefined {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return 'a loopback address';
	return ipv4Kind(host) ?? ipv6Kind(host);
}

export type MediaUrlCheck =
	| { ok: true; url: URL; /** The Base URL's own origin: no further egress check. */ apiOrigin: boolean }
	| { ok: false; problem: string };

/** Whether a download may fetch `url`, given the credential's Base URL. */
export function checkMediaUrl(url: string, baseUrl: string): MediaUrlCheck {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { ok: false, problem: `${JSON.stringify(url.slice(0, 200))} is not a URL` };
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		return { ok: false, problem: `only http:// and https:// URLs are downloaded, not ${parsed.protocol}` };
	}
	const apiOrigin = (() => {
		try {
			return new URL(baseUrl).origin === parsed.origin;
		} catch {
			return false;
		}
	})();
	const kind = internalAddressKind(parsed.hostname);
	if (kind && !apiOrigin) {
		return { ok: false, problem: `${parsed.host} is ${kind}; media is downloaded from inside the n8n host's network only from the Base URL itself (a local simulator)` };
	}
	return { ok: true, url: parsed, apiOrigin };
}
