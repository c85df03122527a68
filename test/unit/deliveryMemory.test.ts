import { DELIVERY_RETENTION_MS, isRepeat, mergedLog, recordDelivery } from '../../nodes/PixVerseTrigger/webhook/deliveryMemory';
import type { DeliveryLog } from '../../nodes/PixVerseTrigger/webhook/deliveryMemory';

describe('trigger delivery memory', () => {
	const now = Date.parse('2026-11-29T12:00:00Z');

	it('remembers each video by id and outcome: a repeat of a final state, or progress older than it, is a repeat', () => {
		const log: DeliveryLog = {};
		expect(isRepeat(log, 'v1', 'progress:GENERATING')).toBe(false);
		recordDelivery(log, 'v1', 'progress:GENERATING', now);
		expect(isRepeat(log, 'v1', 'progress:GENERATING')).toBe(true);
		expect(isRepeat(log, 'v1', 'completed')).toBe(false);
		recordDelivery(log, 'v1', 'completed', now);
		expect(log).toEqual({ v1: { events: ['progress:GENERATING', 'completed'], at: now } });
		expect(isRepeat(log, 'v1', 'completed')).toBe(true);
		expect(isRepeat(log, 'v1', 'progress:QUEUED')).toBe(true);
		// Another outcome of the same video, or another video, is news.
		expect(isRepeat(log, 'v1', 'moderated')).toBe(false);
		expect(isRepeat(log, 'v2', 'completed')).toBe(false);
	});

	it('has no count limit: the first of thousands of videos is still remembered', () => {
		const log: DeliveryLog = {};
		for (let video = 0; video < 5000; video++) recordDelivery(log, `v${video}`, 'completed', now);
		expect(isRepeat(mergedLog(log, {}, now), 'v0', 'completed')).toBe(true);
	});

	it('merges what two processes saved, and forgets only videos last delivered before the retention window', () => {
		const stored: DeliveryLog = { a: { events: ['completed'], at: now - DELIVERY_RETENTION_MS - 1 }, b: { events: ['progress:QUEUED'], at: now - 1000 } };
		const remembered: DeliveryLog = { b: { events: ['completed'], at: now }, c: { events: ['failed'], at: now - DELIVERY_RETENTION_MS } };
		expect(mergedLog(stored, remembered, now)).toEqual({
			b: { events: ['progress:QUEUED', 'completed'], at: now },
			c: { events: ['failed'], at: now - DELIVERY_RETENTION_MS },
		});
	});
});
