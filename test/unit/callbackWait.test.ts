import type { IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { takeTurn } from '../../nodes/PixVerse/generation/resume';
import { awaitedVideos, readParkedItems } from '../../nodes/PixVerse/generation/resume';
import { callbackModeProblems, callsBack } from '../../nodes/PixVerse/generation/callback';
import { optionValues, visibleField, visibleNames } from './nodeForm';

const RESUME_URL = 'https://n8n.example.com/webhook-waiting/42?signature=b1c2d3';

describe('wait mode fields', () => {
	const create = { resource: 'video', operation: 'create', model: 'v6' };
	const wait = { resource: 'video', operation: 'waitForCompletion' };

	it('offer "Resume When PixVerse Calls Back" next to the other modes on a generating operation', () => {
		expect(optionValues(visibleField(create, 'waitMode'))).toEqual(['none', 'poll', 'callback']);
	});

	it('show the timeout and download settings in callback mode, but no poll interval or concurrency limit', () => {
		const names = visibleNames({ ...create, waitMode: 'callback', download: true });
		expect(names).toEqual(expect.arrayContaining(['waitTimeout', 'download', 'binaryProperty', 'options']));
		expect(names).not.toContain('pollInterval');
		expect(names).not.toContain('maxConcurrent');
		expect(visibleNames({ ...create, waitMode: 'poll' })).toEqual(expect.arrayContaining(['pollInterval', 'maxConcurrent']));
	});

	it('Wait for Completion polls or resumes on callback, never "Don\'t Wait", and has no concurrency limit', () => {
		expect(optionValues(visibleField(wait, 'waitMode'))).toEqual(['poll', 'callback']);
		expect(visibleNames({ ...wait, waitMode: 'poll', download: true })).toEqual(['resource', 'operation', 'videoIds', 'waitMode', 'pollInterval', 'waitTimeout', 'download', 'binaryProperty', 'maxDownloadSize', 'simplify']);
		expect(visibleNames({ ...wait, waitMode: 'callback', download: false })).toEqual(['resource', 'operation', 'videoIds', 'waitMode', 'waitTimeout', 'download', 'simplify']);
	});

	it('the node answers on the resume URL only: a restart webhook with no path, nothing registered at activation', () => {
		expect(new PixVerse().description.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST', path: '', restartWebhook: true })]);
	});
});

describe('callsBack', () => {
	it('matches the same resume URL, also with a trailing slash or other query parameters', () => {
		expect(callsBack(RESUME_URL, RESUME_URL)).toBe(true);
		expect(callsBack('https://n8n.example.com/webhook-waiting/42/?signature=b1c2d3&item=3', RESUME_URL)).toBe(true);
	});

	it('rejects another execution, another token, another host, or no URL', () => {
		expect(callsBack('https://n8n.example.com/webhook-waiting/43?signature=b1c2d3', RESUME_URL)).toBe(false);
		expect(callsBack('https://n8n.example.com/webhook-waiting/42?signature=guess', RESUME_URL)).toBe(false);
		expect(callsBack('https://other.example.com/webhook-waiting/42?signature=b1c2d3', RESUME_URL)).toBe(false);
		expect(callsBack(undefined, RESUME_URL)).toBe(false);
		expect(callsBack('not a url', RESUME_URL)).toBe(false);
	});
});

describe('callbackModeProblems', () => {
	const context = (type: string, baseUrl: string) =>
		({
			getNode: () => ({ type }),
			getCredentials: async () => ({ baseUrl }),
		}) as unknown as IExecuteFunctions;
	const messages = async (type: string, baseUrl: string, resumeUrl: string) => (await callbackModeProblems(context(type, baseUrl), resumeUrl)).map((problem) => problem.message);

	it('accepts a public resume URL with useapi.net, and a local one with a local simulator', async () => {
		expect(await messages('n8n-nodes-useapi-pixverse.pixVerse', 'https://api.useapi.net', RESUME_URL)).toEqual([]);
		expect(await messages('n8n-nodes-useapi-pixverse.pixVerse', 'http://127.0.0.1:4010', 'http://localhost:5678/webhook-waiting/7?signature=x')).toEqual([]);
	});

	it('refuses an AI agent tool call, a resume URL over 1024 characters, and localhost with a remote API, naming the wait mode', async () => {
		expect(await messages('n8n-nodes-useapi-pixverse.pixVerseTool', 'https://api.useapi.net', RESUME_URL)).toEqual([expect.stringMatching(/^Resume When PixVerse Calls Back cannot be used when an AI agent calls this node as a tool/)]);
		const long = `https://n8n.example.com/${'a'.repeat(1000)}/webhook-waiting/42?signature=b1c2d3`;
		expect(await messages('n8n-nodes-useapi-pixverse.pixVerse', 'https://api.useapi.net', long)).toEqual([expect.stringMatching(/^n8n's resume URL \(https:\/\/n8n\.example\.com\/…\) is 1060 characters long; useapi\.net takes at most 1024\. Use a shorter WEBHOOK_URL/)]);
		const local = await callbackModeProblems(context('n8n-nodes-useapi-pixverse.pixVerse', 'https://api.useapi.net'), 'http://localhost:5678/webhook-waiting/7?signature=secret-token');
		expect(local).toEqual([{ field: 'waitMode', value: 'callback', message: expect.stringMatching(/^n8n's resume URL is http:\/\/localhost:5678\/webhook-waiting\/7, which api\.useapi\.net cannot reach/) }]);
		expect(local[0].message).not.toContain('secret-token');
	});
});

describe('parked items', () => {
	const webhookContext = (value: unknown) => ({ evaluateExpression: () => value }) as unknown as IWebhookFunctions;
	const parked: INodeExecutionData[] = [
		{ json: { video_id: 'user:1-pixverse:a@b.c-video:1', video_status_name: 'PROCESSING', timed_out: true, cost_credits: 20 } },
		{ json: { error: 'Video user:1-pixverse:a@b.c-video:2 failed: boom', video_id: 'user:1-pixverse:a@b.c-video:2' } },
		{ json: { video_id: 'user:1-pixverse:a@b.c-video:3', video_status_name: 'COMPLETED' } },
		{ json: { video_id: 'user:1-pixverse:a@b.c-image:4', timed_out: true } },
	];

	it('awaits only the items that stand for a video still rendering (id and timed_out)', () => {
		expect(awaitedVideos(parked).map(({ position, videoId }) => [position, videoId])).toEqual([
			[0, 'user:1-pixverse:a@b.c-video:1'],
			[3, 'user:1-pixverse:a@b.c-image:4'],
		]);
	});

	it('reads the parked items as $input returns them: whole items, or their JSON alone', () => {
		expect(readParkedItems(webhookContext(parked))).toEqual(parked);
		expect(readParkedItems(webhookContext(parked.map((item) => item.json)))).toEqual(parked.map(({ json }) => ({ json })));
		expect(readParkedItems(webhookContext(undefined))).toEqual([]);
	});
});

describe('callback turns', () => {
	it('tells a callback whether an earlier one for the same execution resumes it', async () => {
		const first = await takeTurn('token-a');
		const second = takeTurn('token-a');
		const other = await takeTurn('token-b');
		expect(other.earlierResumed).toBe(false);
		first.decide(true);
		const secondTurn = await second;
		expect(secondTurn.earlierResumed).toBe(true);
		secondTurn.decide(true);
		expect((await takeTurn('token-a')).earlierResumed).toBe(true);
	});

	it('lets the next callback check again when the earlier one did not resume', async () => {
		const first = await takeTurn('token-c');
		const second = takeTurn('token-c');
		first.decide(false);
		first.decide(true); // only the first decision counts
		expect((await second).earlierResumed).toBe(false);
	});

	it('hands the videos read final to the next callback of the same execution, so none is read twice', async () => {
		const first = await takeTurn('token-d');
		first.finalRecords.set('video-1', { video_id: 'video-1', video_status_name: 'COMPLETED', video_status_final: true });
		first.decide(false);
		expect([...(await takeTurn('token-d')).finalRecords.keys()]).toEqual(['video-1']);
		expect((await takeTurn('token-e')).finalRecords.size).toBe(0);
	});
});
