import { internalAddressKind } from '../../nodes/core/mediaUrl';
import { replyUrlAddressProblems } from '../../nodes/PixVerse/actions/shared/callbackOptions';
import { formatsOf } from '../../nodes/PixVerse/actions/shared/fileSignature';

describe('address kinds, read from the host as written', () => {
	it.each([
		['http://169.254.169.254/latest', 'a link-local address'],
		['http://[fe80::1]/', 'a link-local address'],
		['http://127.0.0.1:5678/', 'a loopback address'],
		['http://127.1/', 'a loopback address'],
		['http://2130706433/', 'a loopback address'],
		['http://localhost/', 'a loopback address'],
		['http://api.localhost/', 'a loopback address'],
		['http://[::1]/', 'a loopback address'],
		['http://[::ffff:127.0.0.1]/', 'a loopback address'],
		['http://[::ffff:a9fe:a9fe]/', 'a link-local address'],
		['http://10.1.2.3/', 'a private address'],
		['http://172.20.0.1/', 'a private address'],
		['http://192.168.1.10/', 'a private address'],
		['http://100.64.0.1/', 'a shared (carrier-grade NAT) address'],
		['http://[fd00::1]/', 'a private address'],
		['http://0.0.0.0/', 'an unspecified address'],
		['https://n8n.example.com/webhook', undefined],
		['http://172.32.0.1/', undefined],
		['http://8.8.8.8/', undefined],
	])('%s is %s', (url, kind) => {
		expect(internalAddressKind(new URL(url).hostname)).toBe(kind);
	});
});

describe('where a Callback URL may point', () => {
	const PUBLIC_API = 'https://api.useapi.net';
	const LOCAL_API = 'http://127.0.0.1:8787';

	it('refuses link-local always, loopback and private while the API is public', () => {
		for (const api of [PUBLIC_API, LOCAL_API]) expect(replyUrlAddressProblems('http://169.254.169.254/', api)).toHaveLength(1);
		for (const url of ['http://127.0.0.1:5678/hook', 'http://192.168.1.5/hook']) {
			const [problem] = replyUrlAddressProblems(url, PUBLIC_API);
			expect(problem).toMatchObject({ field: 'options.replyUrl', value: url });
			expect(problem.message).toMatch(/points at a (loopback|private) address; allowed: a public http\(s\) address/);
			expect(replyUrlAddressProblems(url, LOCAL_API)).toEqual([]);
		}
		expect(replyUrlAddressProblems('https://n8n.example.com/webhook/x', PUBLIC_API)).toEqual([]);
		expect(replyUrlAddressProblems(undefined, PUBLIC_API)).toEqual([]);
	});
});

describe('file signatures', () => {
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
	const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom')]);
	const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]);

	it('recognises each kind by its first bytes, and text as none of them', () => {
		expect(formatsOf(png, 'image')).toEqual(['PNG']);
		expect(formatsOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image')).toEqual(['JPEG']);
		expect(formatsOf(Buffer.from('GIF89a...'), 'image')).toEqual(['GIF']);
		expect(formatsOf(mp4, 'video')).toEqual(['MP4/MOV/3GP']);
		expect(formatsOf(wav, 'audio')).toEqual(['WAV']);
		expect(formatsOf(Buffer.from('ID3\u0004'), 'audio')).toEqual(['MP3']);
		const text = Buffer.from('hello, plain text');
		for (const kind of ['image', 'video', 'audio'] as const) expect(formatsOf(text, kind)).toEqual([]);
		expect(formatsOf(png, 'video')).toEqual([]);
	});
});
