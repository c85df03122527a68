import { withoutSecrets } from '../../nodes/PixVerse/actions/account/withoutSecrets';
import { callbackSecret, withCallbackSecret } from '../../nodes/core/callbackSecret';
import { REDACTED, redactSecrets } from '../../nodes/core/redact';
import { apiDetail } from '../../nodes/core/transport/errors';

describe('the callback secret', () => {
	it('is never derived from an empty token', () => {
		expect(() => callbackSecret('')).toThrow('No callback secret without an API token');
		expect(() => callbackSecret('   ')).toThrow('No callback secret without an API token');
		expect(callbackSecret('user:1-abc')).toMatch(/^[\w-]{43}$/);
	});
});

describe('secrets in text', () => {
	const secret = callbackSecret('user:1-abc');

	it("redacts a trigger URL's secret as the node adds it, and n8n's resume signature", () => {
		const trigger = withCallbackSecret('https://n8n.example.com/webhook/abc/pixverse-callback?x=1', secret);
		expect(redactSecrets(trigger)).toBe(`https://n8n.example.com/webhook/abc/pixverse-callback?x=1&secret=${REDACTED}`);
		expect(redactSecrets('https://n8n.example.com/webhook-waiting/12?signature=abc.def&x=1')).toBe(`https://n8n.example.com/webhook-waiting/12?signature=${REDACTED}&x=1`);
	});

	it('redacts given secrets wherever they appear', () => {
		expect(redactSecrets('token user:1-abc is invalid (user:1-abc)', ['user:1-abc', '', undefined])).toBe(`token ${REDACTED} is invalid (${REDACTED})`);
	});

	it("keeps the API's words in errors, without a secret they echo", () => {
		const body = { error: `replyUrl https://n8n/pixverse-callback?secret=${secret} rejected for user:1-abc`, code: 400 };
		const detail = apiDetail(body, ['user:1-abc']);
		expect(detail).toBe(`replyUrl https://n8n/pixverse-callback?secret=${REDACTED} rejected for ${REDACTED}`);
	});
});

describe('account records', () => {
	it('lose passwords, tokens and masked values at any depth', () => {
		const record = {
			email: 'a@example.com',
			password: '…secured…',
			maxJobs: 3,
			jwt: { AccountId: 7, token: '…secured…', refresh_token: 'r', ExpireTime: 1 },
			apiKey: 'k',
			sessionCookie: 'c',
			note: 'masked …secured…',
		};
		expect(withoutSecrets(record)).toEqual({ email: 'a@example.com', maxJobs: 3, jwt: { AccountId: 7, ExpireTime: 1 } });
	});
});
