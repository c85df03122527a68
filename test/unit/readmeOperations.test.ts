import { readFileSync } from 'node:fs';

import { END_MARKER, operationsTable, README_PATH, readmeOperationsTable, START_MARKER, withOperationsTable } from '../../scripts/operationsTable';

const REGENERATE = 'run `npm run docs:operations -- --write`';

describe('README operations table', () => {
	it('matches the operations the node has', () => {
		const current = readmeOperationsTable(readFileSync(README_PATH, 'utf8'));
		if (current === undefined) {
			throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} markers; add them where the table belongs, then ${REGENERATE}`);
		}
		if (current !== operationsTable()) {
			throw new Error(`README.md's operations table is out of date; ${REGENERATE}`);
		}
	});

	it('lists every operation with its endpoint, and models from the capability table', () => {
		const rows = operationsTable().split('\n');
		expect(rows[0]).toBe('| Resource | Operation | Endpoint | Models |');
		const create = rows.find((row) => row.startsWith('| Video | Create |'))!;
		expect(create).toMatch(/^\| Video \| Create \| `POST \/videos\/create` \| v6, v5\.6, v5\.5, v5, v5-fast, pixverse-c1, seedance-2\.0, /);
		expect(rows).toContain('| Account | List | `GET /accounts` | — |');
		expect(rows).toContain('| Scheduler | Release Slot | `DELETE /scheduler/{id}` | — |');
	});

	it('replaces only what is between the markers', () => {
		const readme = `# Title\n\n${START_MARKER}\nold table\n${END_MARKER}\n\nMore text\n`;
		expect(withOperationsTable(readme, '| new |')).toBe(`# Title\n\n${START_MARKER}\n| new |\n${END_MARKER}\n\nMore text\n`);
		expect(readmeOperationsTable(withOperationsTable(readme, '| new |'))).toBe('| new |');
		expect(() => withOperationsTable('# No markers', '| new |')).toThrow(/no <!-- operations:start -->/);
	});
});
