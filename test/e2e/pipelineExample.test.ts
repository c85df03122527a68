/**
 * The pipeline example (examples/csv-batch-to-files.json) in a real n8n 2.41 with the packed
 * package, against the simulator: n8n's own file nodes read the prompts from a CSV file, the
 * PixVerse node renders them as one batch, and each MP4 is written to disk under its row's slug.
 * The example's Settings node is pointed at a temporary folder holding a copy of examples/prompts.csv.
 */
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipelineFolder, PIPELINE_EXAMPLE, pipelineWorkflow, SAMPLE_CSV } from '../../scripts/n8n';
import { nodeError, nodeOutputItems, nodeRuns, useN8nTestEnvironment } from './helpers';
import { fastPollExample } from './helpers/fastPollExample';

const MP4_BYTES = 150_000;

/** The slug of each data row of the sample CSV: its first column (slugs hold no comma). */
function sampleSlugs(): string[] {
	const [header, ...rows] = readFileSync(SAMPLE_CSV, 'utf8').trim().split(/\r?\n/);
	expect(header.split(',')[0]).toBe('slug');
	return rows.map((row) => row.slice(0, row.indexOf(',')));
}

describe('Pipeline example in a real n8n: a CSV of prompts to one MP4 file per row', () => {
	const folder = realpathSync(mkdtempSync(join(tmpdir(), 'pixverse-pipeline-')));
	const { csvPath, outputFolder } = pipelineFolder(folder);

	const n8n = useN8nTestEnvironment({
		workflows: [pipelineWorkflow(fastPollExample(PIPELINE_EXAMPLE), { csvPath, outputFolder })],
		simulator: { renderMs: 800, mp4Bytes: MP4_BYTES },
	});
	/** What a user sets so that n8n 2.x lets the file nodes use this folder. */
	const fileAccess = { N8N_RESTRICT_FILE_ACCESS_TO: folder };

	beforeEach(() => n8n.simulator.clearLog());
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	const creates = () => n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path === '/v2/pixverse/videos/create');

	it('renders every row in one batch and writes each MP4, named from its row, with the bytes the simulator served', async () => {
		const slugs = sampleSlugs();
		expect(slugs.length).toBeGreaterThan(1);
		const run = await n8n.executeOk('pvCsvBatchToFiles', { env: fileAccess });

		const rows = nodeOutputItems(run, 'Prompts').map((item) => item.json);
		expect(rows.map((row) => row.slug)).toEqual(slugs);

		// One run of the PixVerse node submitted every row: the whole list is one batch.
		expect(nodeRuns(run, 'Render Batch')).toHaveLength(1);
		const videos = nodeOutputItems(run, 'Render Batch');
		expect(videos).toHaveLength(rows.length);
		expect(creates().map((entry) => entry.status)).toEqual(rows.map(() => 200));
		expect(creates().map((entry) => entry.body)).toEqual(
			expect.arrayContaining(rows.map((row) => expect.objectContaining({ prompt: row.prompt, aspect_ratio: row.aspect_ratio, model: 'v6' }))),
		);
		const jobs = n8n.simulator.state().jobs as Array<{ video_id: string }>;
		expect(new Set(videos.map((video) => video.json.video_id))).toEqual(new Set(jobs.map((job) => job.video_id)));

		expect(readdirSync(outputFolder).sort()).toEqual(slugs.map((slug) => `${slug}.mp4`).sort());
		const written = nodeOutputItems(run, 'Save MP4');
		expect(written.map((item) => item.json.fileName)).toEqual(slugs.map((slug) => `${outputFolder}/${slug}.mp4`));
		for (const [index, slug] of slugs.entries()) {
			const video = videos[index].json;
			expect(video).toMatchObject({ video_status_name: 'COMPLETED', prompt: rows[index].prompt, aspect_ratio: rows[index].aspect_ratio });
			const file = readFileSync(join(outputFolder, `${slug}.mp4`));
			expect(file.subarray(4, 8).toString('latin1')).toBe('ftyp');
			expect(file.length).toBe(MP4_BYTES);
			const served = Buffer.from(await (await fetch(String(video.url))).arrayBuffer());
			expect(file.equals(served)).toBe(true);
		}
	});

	it('without N8N_RESTRICT_FILE_ACCESS_TO naming the folder, n8n 2.x refuses to read the CSV and nothing is sent', async () => {
		const run = await n8n.execute('pvCsvBatchToFiles');
		expect(run.ok).toBe(false);
		expect(nodeError(run.result!, 'Read CSV')?.message).toMatch(/not allowed/);
		expect(creates()).toHaveLength(0);
	});
});
