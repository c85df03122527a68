/**
 * The packed package on n8n's distributed engine: queue mode with a main process, two workers and
 * two webhook processes sharing Postgres and Redis (scripts/n8n/queue), against the simulator.
 */
import { nodeOutputItems, nodeRuns, waitFor } from '../../../scripts/n8n';
import { BATCH_NODE, DOWNLOAD_PROPERTY, WAIT_PARAMETERS, webhookBatchWorkflow } from '../../../scripts/bench/workflows';
import { batchWindow, nodeTime } from '../../../scripts/bench/batchBench';
import { callbackSecret, CALLBACK_PATH, SECRET_PARAMETER } from '../../../nodes/core/callbackSecret';
import { DEFAULT_TOKEN } from '../../../simulator';
import { submitVideo, waitUntilFinal } from '../../contract/simulatorVideos';
import {
	acceptedCreates,
	allStartedBeforeAnyEnded,
	CLUSTER_TIMEOUT_MS,
	DEDUPED_WEBHOOK_ID,
	dedupedTriggerWorkflow,
	freeSlotTime,
	msSince,
	peakConcurrency,
	postAtOnce,
	renderEnds,
	roundsWithoutLook,
	submissions,
	useQueueScenario,
} from './queueScenario';

const MP4_BYTES = 200_000;
const RESUME = webhookBatchWorkflow({ id: 'queueResume', path: 'queue-resume', videos: 3, wait: WAIT_PARAMETERS.callback(), download: true });
const RACE = webhookBatchWorkflow({ id: 'queueRace', path: 'queue-race', videos: 3, wait: WAIT_PARAMETERS.callback(), download: true });
/** Render time of the batch scenarios, as the issue measured them. */
const R = 5000;
const SHARED = webhookBatchWorkflow({ id: 'queueShared', path: 'queue-shared', videos: 8, wait: WAIT_PARAMETERS.poll(1) });
const SPREAD = webhookBatchWorkflow({ id: 'queueSpread', path: 'queue-spread', videos: 24, wait: WAIT_PARAMETERS.callback() });
/** Poll Until Done with the node's defaults (download on, 10 s interval), and an Idempotency Key per prompt row. */
const CRASH = webhookBatchWorkflow({ id: 'queueCrash', path: 'queue-crash', videos: 8, wait: { waitMode: 'poll' }, options: { idempotencyKey: "={{ 'lighthouse-row-' + $json.row }}" } });
const CRASH_KEYS = Array.from({ length: 8 }, (_, index) => `lighthouse-row-${index + 1}`);
const TRIGGER = 'pvOnVideoFinished';
/** The recipe of docs/scaling-out.md: the trigger, then an atomic Redis increment on `dedupe_key` and a Filter keeping the first delivery. */
const DEDUPED = dedupedTriggerWorkflow();
const DEDUPED_PATH = `/webhook/${DEDUPED_WEBHOOK_ID}/${CALLBACK_PATH}?${SECRET_PARAMETER}=${callbackSecret(DEFAULT_TOKEN)}`;
const TRIGGER_PATH = `/webhook/6f0c2a8e-5d1b-4c3e-9a7f-2b4d6e8f0a13/${CALLBACK_PATH}?${SECRET_PARAMETER}=${callbackSecret(DEFAULT_TOKEN)}`;
const account = (email: string) => ({ email, maxJobs: 8, credits: 10_000_000 });
/** n8n on a busy machine may take longer than useapi's 10 s to answer a callback: here the limit only guards a hang. */
const PATIENT_WEBHOOKS = { timeoutMs: 300_000 };

/**
 * Bull's lease on a running job (QUEUE_WORKER_LOCK_DURATION, 60 s by default). When a killed
 * worker's lease runs out, n8n 2.41 fails the job and stores the execution as `error` without its
 * run data, and Retry then replays nothing; a worker that comes back before that marks it
 * `crashed` from its event log, and Retry replays it (docs/scaling-out.md). A worker may take a
 * minute to come back on this busy machine, so the lease is longer here (scenario f).
 */
const WORKER_LEASE_MS = 300_000;

// A scenario waits on five n8n processes: on a busy 2-core machine one has taken more than 5 min. The limit only guards a hang.
jest.setTimeout(CLUSTER_TIMEOUT_MS);

describe('queue mode: main + 2 workers + 2 webhook processes on Postgres and Redis', () => {
	const queue = useQueueScenario({
		workflows: [RESUME, RACE, SHARED, SPREAD, CRASH, 'examples/on-video-finished.json', DEDUPED],
		publish: [RESUME.id, RACE.id, SHARED.id, SPREAD.id, CRASH.id, TRIGGER, DEDUPED.id],
		env: { QUEUE_WORKER_LOCK_DURATION: String(WORKER_LEASE_MS) },
	});
	const start = async (path: string, process = queue.cluster.webhooks[1]) => {
		const response = await fetch(`${process.url}/webhook/${path}`, { method: 'POST' });
		expect(response.status).toBe(200);
	};

	it('a. Resume When PixVerse Calls Back: a worker parks, a webhook process takes the callbacks, a worker resumes; the MP4s are in binary data', async () => {
		queue.simulator.reset({ renderMs: 2000, mp4Bytes: MP4_BYTES, webhook: PATIENT_WEBHOOKS });
		await start('queue-resume');
		const [summary] = await queue.ended(RESUME.id, 1);
		expect(summary.status).toBe('success');
		const execution = await queue.executions.get(summary.id);

		// The resume URL is on the first webhook process (N8N_WEBHOOK_URL).
		const finals = await waitFor(
			'every final callback answered',
			async () => {
				const list = queue.simulator.callbacks().filter((callback) => callback.final);
				return list.length === 3 && list.every((callback) => callback.status || callback.error) ? list : undefined;
			},
			PATIENT_WEBHOOKS.timeoutMs,
		);
		for (const callback of finals) {
			expect(callback.url).toMatch(new RegExp(`^${queue.cluster.webhookUrl}webhook-waiting/${summary.id}\\?signature=`));
		}
		// A callback that comes once the execution has resumed is refused by n8n with 409.
		expect(finals.map((callback) => callback.status)).toContain(200);
		expect(finals.every((callback) => callback.status === 200 || callback.status === 409)).toBe(true);
		// A worker ran it until it parked, a worker (maybe the other) ran it again after the resume.
		const starts = queue.workerStarts(summary.id);
		expect(starts.reduce((sum, worker) => sum + worker.count, 0)).toBe(2);
		const workersThatRanIt = starts.filter((worker) => worker.count > 0).map((worker) => worker.name);

		// n8n keeps one run of the node: the resumed one replaces the one that parked.
		const items = nodeOutputItems(execution, BATCH_NODE);
		expect(items.map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
		for (const item of items) {
			const binary = item.binary![DOWNLOAD_PROPERTY];
			expect(binary).toMatchObject({ mimeType: 'video/mp4', id: expect.stringMatching(/^database:/) });
		}
		expect(await queue.binaryRows(summary.id)).toBe(3);
		const afterRenders = batchWindow(execution).end - Math.max(...renderEnds(queue.simulator).values());
		console.log(
			`a: execution ${summary.id} ${msSince(Date.parse(summary.startedAt!), summary)} ms, run by ${workersThatRanIt.join(', ')}; ${queue.mp4Downloads()} MP4 downloads, ${await queue.binaryRows(summary.id)} binary rows; ` +
				`the resumed run ended ${afterRenders} ms after the last render's end`,
		);
	});

	it('b. Resume race: the same final callbacks sent at once to main and both webhook processes', async () => {
		// Callbacks are recorded, not sent: the test delivers each one to three processes at the same moment.
		queue.simulator.reset({ renderMs: 2000, mp4Bytes: MP4_BYTES, webhook: { drop: true } });
		await start('queue-race');
		const finals = await waitFor(
			'the three final callbacks',
			async () => {
				const list = queue.simulator.callbacks().filter((callback) => callback.final);
				return list.length === 3 ? list : undefined;
			},
			30_000,
		);
		const [parked] = await queue.executions.list(RACE.id);
		expect(parked.status).toBe('waiting');
		const processes = [queue.cluster.main, ...queue.cluster.webhooks];
		const answers = [];
		for (const callback of finals) {
			const path = new URL(callback.url);
			answers.push(...(await postAtOnce(processes.map((process) => `${process.url}${path.pathname}${path.search}`), callback.payload)));
		}
		const [summary] = await queue.ended(RACE.id, 1);
		expect(summary.status).toBe('success');
		const execution = await queue.executions.get(summary.id);
		const items = nodeOutputItems(execution, BATCH_NODE);
		const workerStarts = queue.workerStarts(summary.id).reduce((sum, worker) => sum + worker.count, 0);
		// Every process that decided to resume downloaded the MP4s in the node's webhook(), before n8n's compare-and-set
		// answered it: with every delivery answered, the downloads are done; wait only for their binary rows.
		const downloads = queue.mp4Downloads();
		const rows = await waitFor(
			'a binary row for every download',
			async () => {
				const count = await queue.binaryRows(summary.id);
				return count === downloads ? count : undefined;
			},
			60_000,
		);
		const settled = { downloads, rows };
		const resumedAnswers = answers.filter((answer) => (answer.body as { resumed?: boolean }).resumed === true).length;
		// Processes whose webhook() decided to resume but lost n8n's compare-and-set: n8n answers them 500.
		const lostRace = answers.filter((answer) => answer.status === 500).length;
		console.log(
			`b: ${answers.length} deliveries answered ${JSON.stringify(answers.map((answer) => [answer.status, (answer.body as { resumed?: boolean; reason?: string; message?: string }).resumed ?? (answer.body as { message?: string }).message]))}; ` +
				`${resumedAnswers} told "resumed"; worker runs of the execution: ${workerStarts} (park + resume = 2); ` +
				`${items.length} output items, ${settled.downloads} MP4 downloads, ${settled.rows} binary rows`,
		);

		expect(await queue.executions.list(RACE.id)).toHaveLength(1);
		expect(workerStarts).toBe(2);
		expect(items.map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
		expect(resumedAnswers).toBe(1);
		// n8n 2.41 runs webhook() before its compare-and-set and no node code after it (it disables the
		// waiting node), so a process that decided at the same instant and lost downloads too: each MP4
		// once per deciding process, no more (docs/scaling-out.md). Callbacks after the resume get 409.
		expect(settled.downloads).toBe(items.length * (1 + lostRace));
		expect(settled.rows).toBe(settled.downloads);
	});

	it('d. Three executions of 8 prompts at once on one account with 8 slots: none starves, every slot is used, and a slot is looked for in every poll round of a waiting execution', async () => {
		queue.simulator.reset({ renderMs: R, accounts: [account('one@example.com')] });
		const started = Date.now();
		await Promise.all([queue.cluster.webhooks[0], queue.cluster.webhooks[1], queue.cluster.main].map((process) => start('queue-shared', process)));
		const runs = await queue.ended(SHARED.id, 3);
		const executions = await Promise.all(runs.map((run) => queue.executions.get(run.id)));
		for (const [index, run] of runs.entries()) {
			expect(run.status).toBe('success');
			expect(nodeOutputItems(executions[index], BATCH_NODE).map((item) => item.json.video_status_name)).toEqual(Array(8).fill('COMPLETED'));
		}

		const log = queue.simulator.log();
		const tries = submissions(log);
		const rounds = roundsWithoutLook(queue.simulator);
		const peak = peakConcurrency(queue.simulator);
		// Times for the report (the bench measures them): the batches' window, from the first PixVerse node getting its items to the last one's output.
		const windows = executions.map((execution) => batchWindow(execution));
		const firstStart = Math.min(...windows.map((window) => window.start));
		const free = freeSlotTime(queue.simulator, 8);
		console.log(
			`d: R ${R} ms; the batches ended ${windows.map((window) => window.end - firstStart).join(', ')} ms after the first one started (optimum ${3 * R} ms), the executions ${runs.map((run) => msSince(started, run)).join(', ')} ms after the webhook calls; ` +
				`peak ${peak} videos rendering; ${tries.length} submissions, ${tries.filter((entry) => entry.status === 429).length} answered 429; slots free while a video waited: ${free.slotMs} slot·ms, longest ${free.longestMs} ms; ` +
				`poll rounds of a waiting execution: ${rounds.ownChecked}, without a look for a slot: ${rounds.own}; another execution's poll interval without a submission of a waiting one: ${rounds.others}`,
		);
		// Every execution sent its own submissions; one that lost a slot it had read free to another got 429 ("not now") and tried again.
		expect(new Set(tries.map((entry) => entry.executionId))).toEqual(new Set(runs.map((run) => run.id)));
		expect(tries.filter((entry) => entry.status === 200)).toHaveLength(24);
		expect(tries.every((entry) => entry.status === 200 || entry.status === 429)).toBe(true);
		// All 8 slots were used at once, never more.
		expect(peak).toBe(8);
		// A slot was looked for in each poll round of an execution that had items waiting: a slot that
		// freed stayed free until the next round of a waiting execution at the latest (one poll interval and a round trip).
		expect(rounds.own).toBe(0);
	});

	it('e. One execution of 24 prompts on 3 accounts × 8 slots: every video starts in the first wave with no busy answer, and the execution resumes once', async () => {
		queue.simulator.reset({ renderMs: R, webhook: PATIENT_WEBHOOKS, accounts: [account('one@example.com'), account('two@example.com'), account('three@example.com')] });
		await start('queue-spread');
		const [run] = await queue.ended(SPREAD.id, 1);
		expect(run.status).toBe('success');
		const execution = await queue.executions.get(run.id);
		const items = nodeOutputItems(execution, BATCH_NODE, { runIndex: nodeRuns(execution, BATCH_NODE).length - 1 });
		expect(items.map((item) => item.json.video_status_name)).toEqual(Array(24).fill('COMPLETED'));

		const { start: batchStart } = batchWindow(execution);
		const ends = renderEnds(queue.simulator);
		const rendered = Math.max(...ends.values()) - batchStart;
		const took = nodeTime(execution);
		const peak = peakConcurrency(queue.simulator);
		const log = queue.simulator.log();
		const tries = submissions(log);
		const slotReads = log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/scheduler/available'));
		// Each callback is recorded once answered; callbacks before the last may be answered after the resumed run ended.
		const finals = await waitFor(
			'every final callback answered',
			async () => {
				const list = queue.simulator.callbacks().filter((callback) => callback.final);
				return list.length === 24 ? list : undefined;
			},
			PATIENT_WEBHOOKS.timeoutMs,
		);
		const answeredAfter = finals.map((callback) => Date.parse(callback.time) - ends.get(callback.videoId)!).sort((a, b) => a - b);
		const statuses = finals.reduce<Record<string, number>>((count, callback) => ({ ...count, [String(callback.status)]: (count[String(callback.status)] ?? 0) + 1 }), {});
		const workerRuns = queue.workerStarts(run.id).reduce((sum, worker) => sum + worker.count, 0);
		console.log(
			`e: R ${R} ms; every video rendered ${rendered} ms after the batch started; peak ${peak} videos rendering; ${tries.length} submissions (${tries.filter((entry) => entry.status === 429).length} answered 429), ${slotReads.length} read of the free slots; ` +
				`node time with n8n's resume ${took} ms (${took - rendered} ms from the last render's end to the resumed run); worker runs ${workerRuns}; final callbacks answered ${JSON.stringify(statuses)}, ${answeredAfter[0]} to ${answeredAfter[answeredAfter.length - 1]} ms after their video's render ended; ` +
				`${log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/videos/')).length} GET /videos/{id}`,
		);
		// The free slots were read once, while the first submission went alone; then the other 23 went (in one wave when the read came back first): 24 accepted, none answered 429.
		expect(slotReads).toHaveLength(1);
		expect(tries.map((entry) => entry.status)).toEqual(Array(24).fill(200));
		// All 24 rendered at once: every video started before the first one finished.
		expect(peak).toBe(24);
		expect(allStartedBeforeAnyEnded(queue.simulator)).toBe(true);
		// A worker ran the execution until it parked, and one resumed it once, when the last final callback came.
		expect(workerRuns).toBe(2);
		// Every final callback was answered: 200, or 409 from n8n for one that came after the resumed run had ended.
		expect(finals.filter((callback) => callback.status !== 200 && callback.status !== 409)).toEqual([]);
		expect(finals.some((callback) => callback.status === 200)).toBe(true);
	});

	it('f. A worker killed with kill -9 mid-batch (3 of 8 keyed videos accepted) comes back and n8n marks the execution crashed; its Retry through the REST API pays only for the other 5 and outputs all 8', async () => {
		// One account with 3 slots and 20 s renders: the batch stays mid-way (3 rendering, 5 waiting for a slot) while the worker is killed.
		queue.simulator.reset({ renderMs: 20_000, mp4Bytes: MP4_BYTES, accounts: [{ email: 'three-slots@example.com', maxJobs: 3, credits: 10_000_000 }] });
		const accepted = () => acceptedCreates(queue.simulator.log());
		await start('queue-crash');
		await waitFor('3 creates accepted', async () => (accepted().length >= 3 ? true : undefined), 300_000);
		const [running] = await queue.executions.list(CRASH.id);
		expect(running.status).toBe('running');
		const worker = queue.cluster.workers.find((candidate) => candidate.logs().includes(`Worker started execution ${running.id} (`));
		if (!worker) throw new Error(`no worker logged that it started execution ${running.id}`);
		const pid = worker.pid();
		await queue.cluster.kill(worker);
		// The worker has exited: the 3 it got accepted are all it ever sent.
		const paidBeforeKill = accepted().map((entry) => String(entry.body?.replyRef));
		expect(paidBeforeKill).toHaveLength(3);
		// Only the batch at the kill needed long renders; the retry's own 5 render quickly.
		queue.simulator.configure({ renderMs: 2000 });

		// It comes back, as after a deploy or an OOM kill, reads its event log and marks the execution crashed.
		await queue.cluster.restart([worker]);
		const [crashed] = await queue.ended(CRASH.id, 1);
		const crashedData = (await queue.executions.get(crashed.id)).data.resultData as { error?: { message?: string } };
		console.log(`f: ${worker.name} (pid ${pid}) ran execution ${running.id} and was killed with ${paidBeforeKill.join(', ')} accepted; once it was back n8n marked the execution ${crashed.status}: ${crashedData.error?.message}`);
		expect(crashed.status).toBe('crashed');

		// The editor's Retry; n8n answers once the new execution has ended.
		const retried = await queue.executions.retry(crashed.id);
		expect(retried).toMatchObject({ retryOf: crashed.id, status: 'success' });
		const items = nodeOutputItems(await queue.executions.get(retried.id), BATCH_NODE);
		const jobs = queue.simulator.state().jobs as Array<{ video_id: string; replyRef?: string }>;
		const reused = items.filter((item) => item.json.reused === true);
		console.log(`f: retry ${retried.id} of ${crashed.id}: ${items.length} videos out, ${reused.length} of them reused; ${accepted().length} creates accepted in all`);
		// 8 paid in all: the retry sent only the 5 rows that had no video, one each.
		expect(accepted()).toHaveLength(8);
		expect(jobs.map((job) => job.replyRef).sort()).toEqual([...CRASH_KEYS].sort());
		// Every paid video is in the retry's output, in row order; the 3 from before the kill marked reused.
		expect(items.map((item) => [item.json.replyRef, item.json.video_status_name])).toEqual(CRASH_KEYS.map((key) => [key, 'COMPLETED']));
		expect(new Set(items.map((item) => item.json.video_id))).toEqual(new Set(jobs.map((job) => job.video_id)));
		expect(reused.map((item) => item.json.replyRef).sort()).toEqual([...paidBeforeKill].sort());
	});

	describe('c. PixVerse Trigger (webhook mode, published) with callbacks reaching several processes', () => {
		/** A video finished in the simulator, and its record as useapi's callback carries it. */
		const finishedVideo = async (): Promise<Record<string, unknown>> => {
			const videoId = await submitVideo(queue.simulator);
			await waitUntilFinal(queue.simulator, videoId);
			const response = await fetch(`${queue.simulator.url}/v2/pixverse/videos/${videoId}`, { headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } });
			return (await response.json()) as Record<string, unknown>;
		};
		const runs = async () => (await queue.executions.list(TRIGGER)).length;
		/** Runs started by deliveries that have all been answered, once every run has ended. */
		const runsAfter = async (before: number) => {
			const ended = await queue.ended(TRIGGER, before);
			return ended.length - before;
		};
		let deliveredTwice: Record<string, unknown>;

		beforeAll(() => queue.simulator.reset({ renderMs: 300 }));

		it('callbacks delivered to main and both webhook processes at the same instant: at least one run each (measured: how many), each item with the same dedupe_key; the Redis recipe lets exactly one through', async () => {
			const started: number[] = [];
			const kept: number[] = [];
			for (let round = 0; round < 5; round++) {
				const record = await finishedVideo();
				const before = await runs();
				const dedupedBefore = (await queue.executions.list(DEDUPED.id)).length;
				const processes = [queue.cluster.main, ...queue.cluster.webhooks];
				const answers = await postAtOnce([...processes.map((process) => `${process.url}${TRIGGER_PATH}`), ...processes.map((process) => `${process.url}${DEDUPED_PATH}`)], record);
				expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
				started.push(await runsAfter(before));
				const ended = (await queue.ended(DEDUPED.id, dedupedBefore + 1)).slice(dedupedBefore);
				const executions = await Promise.all(ended.map((summary) => queue.executions.get(summary.id)));
				const keys = executions.map((execution) => nodeOutputItems(execution, 'Video Finished')[0].json.dedupe_key);
				expect(new Set(keys)).toEqual(new Set([`${String(record.video_id)}|completed`]));
				// The Filter outputs nothing for a duplicate, and the node after it does not run.
				const passed = executions.filter((execution) => execution.data.resultData.runData['New Event'] !== undefined);
				for (const execution of passed) expect(nodeOutputItems(execution, 'New Event')[0].json.dedupe_key).toBe(`${String(record.video_id)}|completed`);
				kept.push(passed.length);
			}
			console.log(`c: one callback delivered to 3 processes at once, 5 rounds: runs started ${JSON.stringify(started)}; after the Redis increment on dedupe_key: ${JSON.stringify(kept)}`);
			for (const count of started) expect(count).toBeGreaterThanOrEqual(1);
			expect(kept).toEqual(Array(5).fill(1));
		});

		it('one final callback delivered to a second process once the first saved it starts exactly one run', async () => {
			deliveredTwice = await finishedVideo();
			const before = await runs();
			const first = await postAtOnce([`${queue.cluster.main.url}${TRIGGER_PATH}`], deliveredTwice);
			// n8n saves the trigger's static data after its webhook call, which may be after the answer.
			await waitFor(
				"the delivery in the trigger's saved static data",
				async () => (await queue.cluster.postgres.query(`SELECT "staticData"::text FROM workflow_entity WHERE id = '${TRIGGER}'`)).some((row) => row.includes(String(deliveredTwice.video_id))) || undefined,
				60_000,
			);
			const second = await postAtOnce([`${queue.cluster.webhooks[0].url}${TRIGGER_PATH}`], deliveredTwice);
			const started = await runsAfter(before);
			console.log(`c: one callback to main, then (once saved) to webhook 1: answers ${first[0].status}, ${second[0].status}; runs started ${started}`);
			expect([first[0].status, second[0].status]).toEqual([200, 200]);
			expect(started).toBe(1);
		});

		it('after the process that took it restarts, the same callback to it starts no run', async () => {
			// Main took the first delivery and is the only process that remembers it in memory: restarted, it has only what n8n saved.
			const restartStarted = Date.now();
			await queue.cluster.restart([queue.cluster.main]);
			console.log(`c: restart of main took ${Date.now() - restartStarted} ms`);
			const before = await runs();
			const [answer] = await postAtOnce([`${queue.cluster.main.url}${TRIGGER_PATH}`], deliveredTwice);
			const started = await runsAfter(before);
			console.log(`c: the same callback after the restart: answer ${answer.status}; runs started ${started}`);
			expect(answer.status).toBe(200);
			expect(started).toBe(0);
		}, CLUSTER_TIMEOUT_MS);
	});
});
