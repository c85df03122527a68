import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { acquireInstallLock } from './installLock';
import { runCommandOrThrow } from './runCommand';
import { currentMachine, N8N_VERSION, NODE_VERSION, type RuntimePaths, runtimePaths } from './runtimePaths';

export interface N8nRuntime {
	cacheFolder: string;
	/** Node 24 binary that runs n8n. */
	nodeBin: string;
	/** n8n's bin script, run as `<nodeBin> <n8nBin> <command>`. */
	n8nBin: string;
}

export interface EnsureRuntimeOptions {
	cacheFolder?: string;
	log?: (line: string) => void;
}

interface Marker {
	node: string;
	n8n: string;
	/** `linux-x64`, ...; a marker without it was written on linux-x64, the only machine then. */
	machine?: string;
}

function expectedMarker(): Marker {
	const { platform, arch } = currentMachine();
	return { node: NODE_VERSION, n8n: N8N_VERSION, machine: `${platform}-${arch}` };
}

function readMarker(paths: RuntimePaths): Marker | undefined {
	try {
		return JSON.parse(readFileSync(paths.completeMarker, 'utf8')) as Marker;
	} catch {
		return undefined;
	}
}

function markedComplete(paths: RuntimePaths): boolean {
	const marker = readMarker(paths);
	const expected = expectedMarker();
	return (
		marker?.node === expected.node &&
		marker.n8n === expected.n8n &&
		(marker.machine ?? 'linux-x64') === expected.machine &&
		existsSync(paths.nodeBin) &&
		existsSync(paths.n8nBin) &&
		existsSync(paths.sqliteBinding)
	);
}

function installedN8nVersion(paths: RuntimePaths): string | undefined {
	try {
		const manifest = join(paths.n8nFolder, 'node_modules', 'n8n', 'package.json');
		return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
	} catch {
		return undefined;
	}
}

/** A folder made by hand with the same recipe (no marker): sqlite3's binding is built last. */
function looksComplete(paths: RuntimePaths): boolean {
	return existsSync(paths.nodeBin) && existsSync(paths.sqliteBinding) && installedN8nVersion(paths) === N8N_VERSION;
}

function toRuntime(paths: RuntimePaths): N8nRuntime {
	return { cacheFolder: paths.cacheFolder, nodeBin: paths.nodeBin, n8nBin: paths.n8nBin };
}

/**
 * Returns Node 24 and n8n from the cache folder, installing them there first when they are not
 * completely installed (how long that takes and how much disk it uses: docs/developing.md, "How
 * long it takes").
 */
export async function ensureN8nRuntime(options: EnsureRuntimeOptions = {}): Promise<N8nRuntime> {
	const paths = runtimePaths(options.cacheFolder);
	const log = options.log ?? ((line: string) => console.log(`[n8n runtime] ${line}`));
	if (markedComplete(paths)) return toRuntime(paths);

	const lock = await acquireInstallLock(paths.installLock, log);
	try {
		if (markedComplete(paths)) return toRuntime(paths);
		if (!lock.foundStale && looksComplete(paths)) {
			log(`using the Node ${NODE_VERSION} + n8n ${N8N_VERSION} already in ${paths.cacheFolder}`);
		} else {
			if (lock.foundStale) log('an earlier install was interrupted; installing again');
			await install(paths, log);
		}
		writeFileSync(paths.completeMarker, JSON.stringify(expectedMarker()));
		return toRuntime(paths);
	} finally {
		lock.release();
	}
}

async function install(paths: RuntimePaths, log: (line: string) => void): Promise<void> {
	const started = Date.now();
	const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
	const heartbeat = setInterval(() => log(`... still installing (${elapsed()})`), 30_000);
	try {
		rmSync(paths.completeMarker, { force: true });
		rmSync(paths.nodeFolder, { recursive: true, force: true });
		rmSync(paths.n8nFolder, { recursive: true, force: true });

		log(`installing Node ${NODE_VERSION} (npm package ${paths.nodePackage}) into ${paths.nodeFolder}`);
		await runCommandOrThrow('npm', [
			'install',
			'--prefix',
			paths.nodeFolder,
			'--no-save',
			'--no-audit',
			'--no-fund',
			`${paths.nodePackage}@${NODE_VERSION}`,
		]).catch((error: Error) => {
			throw new Error(`installing ${paths.nodePackage}@${NODE_VERSION} from npm failed: ${error.message}`);
		});

		const nodeHome = dirname(dirname(paths.nodeBin));
		const env: NodeJS.ProcessEnv = {
			...process.env,
			PATH: `${dirname(paths.nodeBin)}:${process.env.PATH ?? ''}`,
			// node-gyp takes headers from the Node 24 package instead of downloading them, and
			// prebuild-install does not try to download binaries.
			npm_config_nodedir: nodeHome,
			npm_config_build_from_source: 'true',
			// node-gyp compiles on every core (sqlite3 takes minutes on one).
			JOBS: 'max',
		};

		log(`installing n8n ${N8N_VERSION} into ${paths.n8nFolder} (the first install takes many minutes; see docs/developing.md, "How long it takes")`);
		mkdirSync(paths.n8nFolder, { recursive: true });
		const manifest = {
			name: 'n8n-runner',
			private: true,
			dependencies: { n8n: N8N_VERSION },
			// linkedom 0.18.15 depends on a package the registry lacks.
			overrides: { linkedom: '0.18.14' },
		};
		writeFileSync(join(paths.n8nFolder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		// Install scripts stay off: one of n8n's dependencies downloads from the internet in its
		// install script, and a failed script rolls back the whole install. sqlite3 is the one
		// native module n8n needs, so it alone is built.
		await runCommandOrThrow('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: paths.n8nFolder,
			env,
		});
		log(`building sqlite3 for Node ${NODE_VERSION} (${elapsed()} so far)`);
		await runCommandOrThrow('npm', ['rebuild', 'sqlite3'], { cwd: paths.n8nFolder, env });

		const version = await runCommandOrThrow(paths.nodeBin, [paths.n8nBin, '--version'], { env });
		if (version.stdout.trim() !== N8N_VERSION || !existsSync(paths.sqliteBinding)) {
			throw new Error(`n8n install in ${paths.n8nFolder} is incomplete (n8n --version: ${version.stdout.trim()})`);
		}
		log(`Node ${NODE_VERSION} + n8n ${N8N_VERSION} installed in ${elapsed()}`);
	} finally {
		clearInterval(heartbeat);
	}
}
