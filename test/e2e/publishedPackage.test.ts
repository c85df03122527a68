/** What users download from npm: only the build, the README, the licence and package.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packedPackage, REPO_ROOT } from './helpers';

describe('the published package', () => {
	it('holds only dist/, README, LICENSE and package.json', async () => {
		const { files } = await packedPackage();
		expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(files.some((file) => file.startsWith('dist/test') || file.startsWith('dist/simulator') || file.startsWith('dist/scripts'))).toBe(false);
	});

	it('ships every node and credential that package.json registers, with their icons and codex', async () => {
		const { files } = await packedPackage();
		const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(entry);
		for (const node of manifest.n8n.nodes as string[]) expect(files).toContain(node.replace(/\.js$/, '.json'));
		expect(files).toEqual(expect.arrayContaining(['dist/icons/pixverse.svg', 'dist/icons/pixverse.dark.svg']));
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});
