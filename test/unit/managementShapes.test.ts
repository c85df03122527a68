import { withoutSecrets } from '../../nodes/PixVerse/actions/account/withoutSecrets';
import { uploadKindOf } from '../../nodes/PixVerse/actions/file/upload';
import { accountSlots, schedulerJob, schedulerJobs } from '../../nodes/core/api/scheduler';

describe('scheduler job shapes', () => {
	it('keeps the 2026 shape', () => {
		const job = { id: 'user:1-pixverse:a@b.com-image:9', type: 'image', started: '2026-01-01T00:00:00Z', elapsed: '00:12', replyRef: 'r' };
		expect(schedulerJob(job)).toEqual(job);
	});

	it('reads the Dec 2024 videoId and video_id shapes as id and type', () => {
		expect(schedulerJob({ videoId: 'user:1-pixverse:a@b.com-video:7', elapsed: '01:00' })).toEqual({ id: 'user:1-pixverse:a@b.com-video:7', type: 'video', elapsed: '01:00' });
		expect(schedulerJob({ video_id: 'user:1-pixverse:a@b.com-video:8' })).toEqual({ id: 'user:1-pixverse:a@b.com-video:8', type: 'video' });
	});

	it('reads an array, or an object holding executing, and nothing else', () => {
		expect(schedulerJobs([{ id: 'x-video:1' }])).toHaveLength(1);
		expect(schedulerJobs({ executing: [{ videoId: 'x-video:1' }, { videoId: 'x-video:2' }] })!.map((job) => job.id)).toEqual(['x-video:1', 'x-video:2']);
		expect(schedulerJobs({ error: 'nope' })).toBeUndefined();
	});
});

describe('accountSlots', () => {
	it('keeps what the API says and works out a missing available count', () => {
		expect(accountSlots({ email: 'a@b.com', maxJobs: 3, executing: 1, available: 2 })).toEqual({ email: 'a@b.com', maxJobs: 3, executing: 1, available: 2 });
		expect(accountSlots({ email: 'a@b.com', maxJobs: '4', executing: '1' })).toMatchObject({ maxJobs: 4, executing: 1, available: 3 });
	});
});

describe('withoutSecrets', () => {
	it('drops the password and the session token, at any depth, and keeps the rest', () => {
		const account = {
			email: 'a@b.com',
			password: '…secured…',
			maxJobs: 3,
			jwt: { AccountId: 1, ExpireTime: 2, ExpireTimeUTC: 'x', Username: 'a', token: '…secured…' },
			cookie: '…secured…',
		};
		expect(withoutSecrets(account)).toEqual({ email: 'a@b.com', maxJobs: 3, jwt: { AccountId: 1, ExpireTime: 2, ExpireTimeUTC: 'x', Username: 'a' } });
	});

	it('drops fields named password or token even when the API left them unmasked', () => {
		expect(withoutSecrets({ email: 'a@b.com', Password: 'plain', jwt: { Token: 'eyJ…' } })).toEqual({ email: 'a@b.com', jwt: {} });
	});
});

describe('uploadKindOf', () => {
	it('maps each allowed content type to its kind, ignoring case and parameters', () => {
		expect(uploadKindOf('image/png')).toBe('image');
		expect(uploadKindOf('IMAGE/JPEG; charset=binary')).toBe('image');
		expect(uploadKindOf('video/mp2t')).toBe('video');
		expect(uploadKindOf('audio/mpeg')).toBe('audio');
	});

	it('finds no kind for other types', () => {
		expect(uploadKindOf('text/plain')).toBeUndefined();
		expect(uploadKindOf('image/svg+xml')).toBeUndefined();
		expect(uploadKindOf('')).toBeUndefined();
	});
});
