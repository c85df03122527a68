import { PixVerse } from '../../../../nodes/PixVerse/PixVerse.node';
import { simulatorSession, textToVideo } from '../../simulatorSession';

const COMPACT = ['video_id', 'video_status_name', 'video_status_final', 'url', 'model', 'prompt', 'duration', 'quality', 'aspect_ratio', 'created_at'];
/** Every video the node generates carries its reference, which the compact record keeps. */
const COMPACT_GENERATED = [...COMPACT, 'replyRef'];

/** The node as n8n hands it to an AI agent: the same node, its type name ending in "Tool". */
class PixVerseTool extends PixVerse {
	constructor() {
		super();
		this.description = { ...this.description, name: `${this.description.name}Tool` };
	}
}

describe('Simplify', () => {
	const session = simulatorSession({ mp4Bytes: 50_000 });

	it('Create puts out the compact record, with its MP4 and cost; off, the full record as before', async () => {
		const simple = await session.run(textToVideo({ simplify: true }));
		const [item] = simple.output![0];
		expect(Object.keys(item.json).sort()).toEqual([...COMPACT_GENERATED, 'cost_credits'].sort());
		expect(item.json).toMatchObject({ model: 'v6', quality: '720p', duration: 5, aspect_ratio: '16:9', video_status_name: 'COMPLETED', video_status_final: true });
		expect(String(item.json.url)).toMatch(/^http/);
		expect((await simple.readBinary(item, 'video')).length).toBe(50_000);

		const full = await session.run(textToVideo());
		expect(Object.keys(full.output![0][0].json).length).toBeGreaterThan(COMPACT.length + 10);
	});

	it('Get, Get Many and Wait for Completion simplify their records', async () => {
		const created = await session.run(textToVideo({ download: false }));
		const videoId = created.output![0][0].json.video_id as string;
		const get = await session.run({ resource: 'video', operation: 'get', videoId, simplify: true });
		expect(Object.keys(get.output![0][0].json).sort()).toEqual([...COMPACT_GENERATED].sort());
		expect(get.output![0][0].json.video_id).toBe(videoId);

		const many = await session.run({ resource: 'video', operation: 'list', returnAll: true, simplify: true });
		expect(many.output![0].length).toBeGreaterThan(0);
		for (const item of many.output![0]) expect(Object.keys(item.json).sort()).toEqual([...COMPACT_GENERATED].sort());

		const waited = await session.run({ resource: 'video', operation: 'waitForCompletion', videoIds: videoId, pollInterval: 1, waitTimeout: 1, download: false, simplify: true });
		expect(Object.keys(waited.output![0][0].json).sort()).toEqual([...COMPACT_GENERATED].sort());
	});

	it('a failed video keeps its error fields in the compact record', async () => {
		const run = await session.run(textToVideo({ prompt: 'A fox [fail]', simplify: true, download: false }), { continueOnFail: true });
		const [item] = run.output![0];
		expect(item.json.error).toMatch(/failed/);
		const videoId = item.json.video_id as string;
		expect(videoId).toEqual(expect.any(String));

		const get = await session.run({ resource: 'video', operation: 'get', videoId, simplify: true });
		expect(get.output![0][0].json).toMatchObject({ video_id: videoId, video_status_name: 'FAILED', fail_code: 500, fail_reason: 'Generation failed' });
	});

	it('an AI agent gets the compact record by default', async () => {
		const created = await session.run(textToVideo({ download: false }));
		const videoId = created.output![0][0].json.video_id as string;
		const asTool = await session.run({ resource: 'video', operation: 'get', videoId }, { node: new PixVerseTool() });
		expect(Object.keys(asTool.output![0][0].json).sort()).toEqual([...COMPACT_GENERATED].sort());
		const inWorkflow = await session.run({ resource: 'video', operation: 'get', videoId });
		expect(Object.keys(inWorkflow.output![0][0].json).length).toBeGreaterThan(COMPACT.length + 10);
	});
});
