import { readFileSync } from 'node:fs';

import { MODELS } from '../../nodes/core/models';
import { benchSection, GENERATORS, modelsTable, operationsTable, pageTable, tablePage, TABLES, TIMELINE_IMAGE, withTable } from '../../scripts/docsTables';
import type { TableName } from '../../scripts/docsTables';

const REGENERATE = 'run `npm run docs:tables -- --write`';

describe('generated tables in README.md and docs/', () => {
	it('keeps the operations table in the README and the models table in docs/models.md', () => {
		expect(TABLES.operations.page).toBe('README.md');
		expect(TABLES.models.page).toBe('docs/models.md');
		expect(TABLES.bench.page).toBe('docs/performance.md');
	});

	it("shows the bench's results with the timeline image right after the line that names it", () => {
		const results = 'Measured today.\n\n| a |\n| --- |\n\n`docs/batch-timeline.svg` draws this run.\n\n**Queue mode**: …\n';
		expect(benchSection(results)).toBe(`Measured today.\n\n| a |\n| --- |\n\n\`docs/batch-timeline.svg\` draws this run.\n\n${TIMELINE_IMAGE}\n\n**Queue mode**: …`);
		expect(TIMELINE_IMAGE).toMatch(/^!\[[^\]]+\]\(batch-timeline\.svg\)$/);
		expect(benchSection('No timeline.\n')).toBe('No timeline.');
	});

	it.each(Object.keys(TABLES) as TableName[])('the %s table matches the node', (name) => {
		const { page, start, end } = TABLES[name];
		const current = pageTable(readFileSync(tablePage(name), 'utf8'), name);
		if (current === undefined) {
			throw new Error(`${page} has no ${start} … ${end} markers; add them where the table belongs, then ${REGENERATE}`);
		}
		if (current !== GENERATORS[name]()) throw new Error(`${page}'s ${name} table is out of date; ${REGENERATE}`);
	});

	it('lists every operation with its endpoint, and the models its declaration names', () => {
		const rows = operationsTable().split('\n');
		expect(rows[0]).toBe('| Resource | Operation | Endpoint | Models |');
		const create = rows.find((row) => row.startsWith('| Video | Create |'))!;
		expect(create).toMatch(/^\| Video \| Create \| `POST \/videos\/create` \| v6, v5\.6, v5\.5, v5, v5-fast, pixverse-c1, seedance-2\.0, /);
		expect(rows).toContain('| Video | Upscale | `POST /videos/upscale` | v6, v5.6, v5.5, v5, v5-fast |');
		expect(rows).toContain('| Account | Get Many | `GET /accounts` | — |');
		expect(rows).toContain('| Scheduler | Release Slot | `DELETE /scheduler/{id}` | — |');
	});

	it('has one models row per model of the capability table, with its limits and operations', () => {
		const rows = modelsTable().split('\n').slice(2);
		expect(rows).toHaveLength(MODELS.length);
		expect(rows[0]).toBe('| v6 | 360p, 540p, **720p**, 1080p | 1–15 | 16:9, 9:16, 1:1, 4:3, 3:4 | switch | multi-shot, preview, off-peak, seed | Video > Create, Video > Create From First and Last Frame, Video > Extend, Video > Upscale, Video > Estimate Credits |');
		expect(rows.find((row) => row.startsWith('| v5.6 |'))).toContain('| 1–10 (1080p ≤ 8) |');
		expect(rows.find((row) => row.startsWith('| v4 |'))).toContain('Video > Restyle');
	});

	it('replaces only what is between a table\'s markers', () => {
		const { start, end } = TABLES.models;
		const readme = `# Title\n\n${start}\nold table\n${end}\n\nMore text\n`;
		expect(withTable(readme, 'models', '| new |')).toBe(`# Title\n\n${start}\n| new |\n${end}\n\nMore text\n`);
		expect(pageTable(withTable(readme, 'models', '| new |'), 'models')).toBe('| new |');
		expect(() => withTable('# No markers', 'models', '| new |')).toThrow(/docs\/models\.md has no <!-- models:start -->/);
	});
});
