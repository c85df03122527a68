import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureN8nRuntime, PACKED_ENV, packPackage, REPO_ROOT } from '../../../scripts/n8n';

/**
 * Once per jest run, before any e2e test file: Node 24 + n8n in the cache folder (installed on
 * the first run, minutes; no test timeout applies here) and `npm pack` of the built package.
 */
export default async function globalSetup(): Promise<void> {
	await ensureN8nRuntime();
	const packed = await packPackage(REPO_ROOT, mkdtempSync(join(tmpdir(), 'pixverse-pack-')));
	process.env[PACKED_ENV] = JSON.stringify(packed);
}
