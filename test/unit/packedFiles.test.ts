import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The files `n8n-node build` copies into dist/ besides the compiled code: every `**\/*.{png,svg}`
 * of the repository outside dist/ and node_modules/ (its glob does not enter dot folders). That
 * includes the README's screenshots in docs/, so the package's "files" has to leave them out.
 */
function staticFilesTheBuildCopies(folder = ROOT): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		if (entry.name.startsWith('.')) continue;
		const path = join(folder, entry.name);
		const fromRoot = relative(ROOT, path).split(sep).join('/');
		if (entry.isDirectory()) {
			if (fromRoot !== 'dist' && fromRoot !== 'node_modules') found.push(...staticFilesTheBuildCopies(path));
		} else if (/\.(png|svg)$/.test(entry.name)) {
			found.push(fromRoot);
		}
	}
	return found.sort();
}

/** What `npm pack` would put in the tarball of this package.json over a dist/ laid out by the build. */
function packedPaths(distFiles: string[]): string[] {
	const folder = mkdtempSync(join(tmpdir(), 'pixverse-packed-files-'));
	try {
		copyFileSync(join(ROOT, 'package.json'), join(folder, 'package.json'));
		for (const file of distFiles) {
			mkdirSync(dirname(join(folder, file)), { recursive: true });
			writeFileSync(join(folder, file), '');
		}
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: folder, encoding: 'utf8' });
		const [entry] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
		return entry.files.map((file) => file.path).sort();
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

describe('the npm package', () => {
	it('ships the node icons but none of the docs images the build copies into dist/docs', () => {
		const copied = staticFilesTheBuildCopies();
		const docsImages = copied.filter((file) => file.startsWith('docs/'));
		const icons = copied.filter((file) => file.startsWith('icons/'));
		// The case this guards: screenshots in docs/ that the build copies.
		expect(docsImages).toEqual(expect.arrayContaining([expect.stringMatching(/\.png$/)]));
		expect(icons.length).toBeGreaterThan(0);

		const compiled = ['dist/nodes/PixVerse/PixVerse.node.js', 'dist/credentials/UseApiApi.credentials.js'];
		const packed = packedPaths([...compiled, ...copied.map((file) => `dist/${file}`)]);

		expect(packed.filter((path) => path.endsWith('.png') || path.startsWith('dist/docs/'))).toEqual([]);
		expect(packed).toEqual(expect.arrayContaining(compiled));
		expect(packed.filter((path) => /\.(png|svg)$/.test(path))).toEqual(icons.map((file) => `dist/${file}`));
	});
});
