import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packPackage, type PackedPackage } from './packPackage';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Set by the e2e global setup so every test file installs the same tarball. */
export const PACKED_ENV = 'PIXVERSE_E2E_PACKED';

/** The tarball packed once per jest run, or (a test file run on its own) packed now. */
export async function packedPackage(): Promise<PackedPackage> {
	const fromSetup = process.env[PACKED_ENV];
	if (fromSetup) return JSON.parse(fromSetup) as PackedPackage;
	return packPackage(REPO_ROOT, mkdtempSync(join(tmpdir(), 'pixverse-pack-')));
}
