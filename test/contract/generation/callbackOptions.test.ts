import { NodeOperationError } from 'n8n-workflow';

import { CALLBACK_PATH, callbackSecret } from '../../../nodes/core/callbackSecret';
import { simulatorSession, textToVideo, TOKEN } from '../simulatorSession';

describe('PixVerse node Options: Callback URL (replyUrl) and Callback Reference (replyRef)', () => {
	const session = simulatorSession();
	const submit = (options: Record<string, string>, extra: Record<string, unknown> = {}) =>
		session.run(textToVideo({ waitMode: 'none', options }), extra);
	const createBody = () => session.apiRequests().find((entry) => entry.method === 'POST')?.body;

	it('sends another URL and the reference as they are', async () => {
		const run = await submit({ replyUrl: 'https://hooks.example.com/pixverse?source=n8n', replyRef: 'row 12' });
		expect(run.error).toBeUndefined();
		expect(createBody()).toMatchObject({ replyUrl: 'https://hooks.example.com/pixverse?source=n8n', replyRef: 'row 12' });
	});

	it("adds the trigger's secret to a PixVerse Trigger URL, keeping its own query", async () => {
		const url = `https://n8n.example.com/webhook-test/3b1e/${CALLBACK_PATH}`;
		await submit({ replyUrl: `${url}?tag=a` });
		expect(createBody()?.replyUrl).toBe(`${url}?tag=a&secret=${callbackSecret(TOKEN)}`);
	});

	it('sends neither field when the options are empty', async () => {
		await submit({});
		expect(createBody()).not.toHaveProperty('replyUrl');
		expect(createBody()).not.toHaveProperty('replyRef');
	});

	it.each([
		['a Callback URL over 1024 characters', { replyUrl: `https://hooks.example.com/${'x'.repeat(1010)}` }, /replyUrl\) is 1036 characters long; at most 1024/],
		['a trigger URL too long to take its secret', { replyUrl: `https://n8n.example.com/${'x'.repeat(960)}/${CALLBACK_PATH}` }, /at most 973 are allowed/],
		['a Callback URL that is not http(s)', { replyUrl: 'ftp://files.example.com/in' }, /must be an http:\/\/ or https:\/\/ URL/],
		['a Callback Reference over 1024 characters', { replyRef: 'r'.repeat(1025) }, /replyRef\) is 1025 characters long/],
	])('refuses %s before sending anything', async (_case, options, message) => {
		const run = await submit(options, { items: [{ json: {} }, { json: {} }] });
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toMatch(message);
		expect((run.error as NodeOperationError).description).toMatch(/Nothing was sent to PixVerse/);
		expect(session.apiRequests()).toHaveLength(0);
	});
});
