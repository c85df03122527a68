import { callbackSecret, needsCallbackSecret, secretMatches, withCallbackSecret } from '../../nodes/core/callbackSecret';
import { wantsEvent } from '../../nodes/PixVerseTrigger/settings';
import type { TriggerSettings } from '../../nodes/PixVerseTrigger/settings';
import { eventKey, replyRefOf, videoEvent, videoNumber } from '../../nodes/PixVerseTrigger/videoEvent';

describe('callback secret', () => {
	it('is derived from the API token: stable, different per token, and not the token', () => {
		expect(callbackSecret('user:1-abc')).toBe(callbackSecret('user:1-abc'));
		expect(callbackSecret('user:1-abc')).not.toBe(callbackSecret('user:2-abc'));
		expect(callbackSecret('user:1-abc')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(callbackSecret('user:1-abc')).not.toContain('user:1-abc');
	});

	it('compares exactly', () => {
		const secret = callbackSecret('t');
		expect(secretMatches(secret, secret)).toBe(true);
		expect(secretMatches(secret.slice(1), secret)).toBe(false);
		expect(secretMatches(undefined, secret)).toBe(false);
		expect(secretMatches([secret], secret)).toBe(false);
	});

	it('is added only to PixVerse Trigger URLs that lack it', () => {
		expect(needsCallbackSecret('https://n8n.example.com/webhook/abc/pixverse-callback')).toBe(true);
		expect(needsCallbackSecret('https://n8n.example.com/webhook-test/abc/pixverse-callback/')).toBe(true);
		expect(needsCallbackSecret('https://n8n.example.com/webhook/abc/pixverse-callback?secret=x')).toBe(false);
		expect(needsCallbackSecret('https://hooks.example.com/other')).toBe(false);
		expect(needsCallbackSecret('not a url')).toBe(false);
		expect(withCallbackSecret('https://hooks.example.com/other', 's')).toBe('https://hooks.example.com/other');
		expect(withCallbackSecret('http://127.0.0.1:5678/webhook/abc/pixverse-callback', 's')).toBe('http://127.0.0.1:5678/webhook/abc/pixverse-callback?secret=s');
	});
});

describe('video events', () => {
	it('reads final states and progress from a record or a callback', () => {
		expect(videoEvent({ video_status: 1, video_status_name: 'COMPLETED', video_status_final: true, url: 'u' })).toBe('completed');
		expect(videoEvent({ video_status_name: 'COMPLETED', video_status_final: true })).toBe('completed');
		expect(videoEvent({ video_status: 1 })).toBe('progress');
		expect(videoEvent({ video_status: 7 })).toBe('moderated');
		expect(videoEvent({ video_status_name: 'FAILED' })).toBe('failed');
		expect(videoEvent({ video_status: 5, video_status_name: 'QUEUED', video_status_final: true })).toBe('progress');
		expect(videoEvent({ video_status: 10 })).toBe('progress');
	});

	it('finds replyRef, the video number and a key per delivered state', () => {
		expect(replyRefOf({ replyRef: 'a' })).toBe('a');
		expect(replyRefOf({ response: { replyRef: 'b' } })).toBe('b');
		expect(replyRefOf({})).toBeUndefined();
		expect(videoNumber({ video_id: 'user:1-pixverse:a@b.c-video:987' })).toBe(987);
		expect(videoNumber({ video_id: 987 })).toBe(987);
		expect(videoNumber({ video_id: 'nothing' })).toBeUndefined();
		expect(eventKey('v', 'completed', {})).toBe('v|completed');
		expect(eventKey('v', 'progress', { video_status: 10 })).toBe('v|progress:GENERATING');
	});

	it('applies the status, kind, model and replyRef filters', () => {
		const settings: TriggerSettings = { statuses: ['completed'], includeProgress: false, models: [], kinds: [], replyRef: '', fetchRecord: false, download: false, binaryProperty: 'data' };
		expect(wantsEvent(settings, 'completed', {})).toBe(true);
		expect(wantsEvent(settings, 'failed', {})).toBe(false);
		expect(wantsEvent(settings, 'progress', {})).toBe(false);
		expect(wantsEvent({ ...settings, includeProgress: true }, 'progress', {})).toBe(true);
		expect(wantsEvent({ ...settings, models: ['v6'] }, 'completed', { model: 'v5.6' })).toBe(false);
		expect(wantsEvent({ ...settings, models: ['v6'] }, 'completed', { model: 'v6' })).toBe(true);
		expect(wantsEvent({ ...settings, replyRef: 'r' }, 'completed', { replyRef: 'other' })).toBe(false);
		expect(wantsEvent({ ...settings, replyRef: 'r' }, 'completed', { response: { replyRef: 'r' } })).toBe(true);
		const speech = { video_id: 'user:1-pixverse:a@b.c-speech:5' };
		const video = { video_id: 'user:1-pixverse:a@b.c-video:5' };
		expect(wantsEvent(settings, 'completed', speech)).toBe(true);
		expect(wantsEvent({ ...settings, kinds: ['video'] }, 'completed', speech)).toBe(false);
		expect(wantsEvent({ ...settings, kinds: ['video'] }, 'completed', video)).toBe(true);
		expect(wantsEvent({ ...settings, kinds: ['speech', 'music'] }, 'completed', speech)).toBe(true);
		expect(wantsEvent({ ...settings, kinds: ['image'] }, 'completed', { video_id: 'user:1-pixverse:a@b.c-music:5' })).toBe(false);
	});
});
