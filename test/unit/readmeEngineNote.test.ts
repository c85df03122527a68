/**
 * The README explains the one EBADENGINE warning `npm ci` prints under Node 20: it must name every
 * locked package whose `engines.node` leaves Node 20 out, and no other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const NODE_20 = [20, 20, 2];

type Version = number[];
const parse = (text: string): Version => text.replace(/^v/, '').split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
const compare = (a: Version, b: Version) => [0, 1, 2].map((i) => (a[i] ?? 0) - (b[i] ?? 0)).find((difference) => difference !== 0) ?? 0;

/** Whether `version` satisfies one comparator of an npm range (the forms engines fields use). */
function satisfiesComparator(version: Version, comparator: string): boolean {
	const [, operator, operand] = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(comparator)!;
	if (operand === '*' || operand === 'x') return true;
	const bound = parse(operand);
	const parts = operand.split('.').filter((part) => /^\d+$/.test(part)).length;
	switch (operator) {
		case '>=': return compare(version, bound) >= 0;
		case '>': return compare(version, bound) > 0;
		case '<=': return compare(version, bound) <= 0;
		case '<': return compare(version, bound) < 0;
		case '^': return compare(version, bound) >= 0 && version[0] === bound[0];
		case '~': return compare(version, bound) >= 0 && version[0] === bound[0] && (parts < 2 || version[1] === bound[1]);
		default: return bound.slice(0, parts).every((value, index) => version[index] === value);
	}
}

function satisfies(version: Version, range: string): boolean {
	const joined = range.replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1');
	return joined.split('||').some((set) => set.trim().split(/\s+/).every((comparator) => satisfiesComparator(version, comparator)));
}

describe("the README's EBADENGINE note", () => {
	it('reads engine ranges the way npm does for the forms in the lockfile', () => {
		expect(satisfies(NODE_20, '>=24.0.0')).toBe(false);
		expect(satisfies(NODE_20, '^18.18.0 || ^20.9.0 || >=21.1.0')).toBe(true);
		expect(satisfies(NODE_20, '>= 18')).toBe(true);
		expect(satisfies(NODE_20, '20.x')).toBe(true);
		expect(satisfies(NODE_20, '~20.19.0')).toBe(false);
	});

	it('names exactly the locked packages that leave Node 20 out', () => {
		const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
		const excluding = Object.entries(lock.packages)
			.filter(([path, entry]) => path && entry.engines && !Array.isArray(entry.engines) && entry.engines.node && !satisfies(NODE_20, entry.engines.node))
			.map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}`);
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const note = /Under Node 20, `npm ci` prints one `EBADENGINE` warning: `([^`]+)`/.exec(readme);
		expect(note).not.toBeNull();
		expect(excluding).toEqual([note![1]]);
	});
});
