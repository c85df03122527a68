// @ts-check
const { default: Sequencer } = require('@jest/test-sequencer');

/**
 * The queue-mode file first (the longest), then the e2e files that spend most of their time
 * waiting on n8n's own clock (the wait tracker's one-minute round, a poll at most once a minute
 * per Poll Time) or on a server restart, then those that run n8n commands of their own (a few
 * seconds of CPU each). They start first, so that their waiting overlaps with the other files'
 * work instead of coming at the end. Every other file (and every other project) keeps jest's order.
 */
const WAITING_FIRST = ['queue/queueMode', 'callbackDelivery', 'resumeOnCallback', 'restartWhileParked', 'harness', 'ctrlC', 'pipelineExample', 'triggerPolling'].map((name) => `/test/e2e/${name}.test.ts`);

class WaitingFirstSequencer extends Sequencer {
	/** @param {import('@jest/test-result').Test[]} tests */
	async sort(tests) {
		const sorted = await super.sort(tests);
		/** @param {import('@jest/test-result').Test} test */
		const rank = (test) => {
			const index = WAITING_FIRST.findIndex((suffix) => test.path.endsWith(suffix));
			return index === -1 ? WAITING_FIRST.length : index;
		};
		return [...sorted].sort((a, b) => rank(a) - rank(b));
	}
}

module.exports = WaitingFirstSequencer;
