import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { PACKED_ENV, type PackedPackage } from '../../../scripts/n8n';

export default async function globalTeardown(): Promise<void> {
	const fromSetup = process.env[PACKED_ENV];
	if (!fromSetup) return;
	rmSync(dirname((JSON.parse(fromSetup) as PackedPackage).tarball), { recursive: true, force: true });
}
