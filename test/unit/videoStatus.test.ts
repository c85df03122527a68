import { failureReason, statusName, videoOutcome } from '../../nodes/core/videoStatus';

const id = 'user:1-pixverse:a@b.c-video:1';

describe('video status', () => {
	it('reads completed only when the file URL is there', () => {
		expect(videoOutcome({ video_id: id, video_status: 1, video_status_name: 'COMPLETED', video_status_final: true, url: 'https://m/x.mp4' })).toBe('completed');
		expect(videoOutcome({ video_id: id, video_status: 1, video_status_name: 'COMPLETED', video_status_final: true })).toBe('pending');
	});

	it('treats QUEUED as pending even when documented as final', () => {
		expect(videoOutcome({ video_id: id, video_status: 5, video_status_name: 'QUEUED', video_status_final: true })).toBe('pending');
		expect(videoOutcome({ video_id: id, video_status: 10, video_status_final: false })).toBe('pending');
	});

	it('recognises moderation and failure by code, by name, or by an error field', () => {
		expect(videoOutcome({ video_id: id, video_status: 7 })).toBe('moderated');
		expect(videoOutcome({ video_id: id, video_status_name: 'MODERATED' })).toBe('moderated');
		expect(videoOutcome({ video_id: id, video_status: 8 })).toBe('failed');
		expect(videoOutcome({ video_id: id, error: 'boom' })).toBe('failed');
		expect(videoOutcome({ video_id: id, video_status: 99, video_status_final: true })).toBe('failed');
	});

	it('names statuses from the code when the name is missing, and finds the reason', () => {
		expect(statusName({ video_status: 10 })).toBe('GENERATING');
		expect(statusName({})).toBe('PROCESSING');
		expect(failureReason({ video_status: 8, fail_reason: 'GPU error' })).toBe('GPU error');
		expect(failureReason({ video_status: 7 })).toBe('MODERATED');
	});
});
