/**
 * The process-wide services n8n-core's execution contexts pull from its dependency container,
 * set up the way a self-hosted n8n runs them: binary data in `filesystem` mode (so a
 * prepared binary is a file with an id, not base64 in memory), SSRF protection switched on
 * with only the loopback address allowed, instance settings in a throwaway folder instead
 * of ~/.n8n. Set up once per test file (jest gives every file its own module registry).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BinaryDataService, InstanceSettings } from 'n8n-core';
import type { BinaryDataConfig, ErrorReporter } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';
import {
	Container,
	InstanceSettingsConfig,
	Logger,
	SsrfProtectionConfig,
	SsrfProtectionService,
} from './n8n-core-modules';
import { RecordingLogger } from './recording-logger';

/** The logger type n8n-core's own services are declared with. */
type N8nCoreLogger = ConstructorParameters<typeof InstanceSettings>[1];

export interface N8nRuntime {
	/** Root of everything this runtime writes; removed by disposeN8nRuntime(). */
	folder: string;
	/** Where n8n's filesystem binary-data manager keeps its files. */
	binaryDataFolder: string;
	binaryDataService: BinaryDataService;
	logger: RecordingLogger;
	/** Errors n8n-core would have sent to its error reporter (Sentry in production). */
	reportedErrors: unknown[];
	ssrfProtection: InstanceType<typeof SsrfProtectionService>;
}

const loopbackRanges = ['127.0.0.1/32', '::1/128'];

let runtime: Promise<N8nRuntime> | undefined;

// Under jest every test file loads its own copy of this module; remove its folder when the file is done.
if (typeof afterAll === 'function') afterAll(disposeN8nRuntime);

export async function ensureN8nRuntime(): Promise<N8nRuntime> {
	runtime ??= createRuntime();
	return await runtime;
}

export async function disposeN8nRuntime(): Promise<void> {
	if (!runtime) return;
	const { folder } = await runtime;
	runtime = undefined;
	Container.reset();
	await rm(folder, { recursive: true, force: true });
}

async function createRuntime(): Promise<N8nRuntime> {
	const folder = await mkdtemp(path.join(tmpdir(), 'n8n-harness-'));
	const binaryDataFolder = path.join(folder, 'binaryData');

	const logger = new RecordingLogger();
	Container.set<unknown>(Logger, logger);
	LoggerProxy.init(logger);

	const instanceSettingsConfig = Object.assign(new InstanceSettingsConfig(), {
		n8nFolder: path.join(folder, '.n8n'),
		userHome: folder,
		encryptionKey: 'contract-test-encryption-key',
		enforceSettingsFilePermissions: false,
	});
	Container.set(InstanceSettingsConfig, instanceSettingsConfig);
	Container.set(
		InstanceSettings,
		new InstanceSettings(instanceSettingsConfig, logger as unknown as N8nCoreLogger),
	);

	Container.set(
		SsrfProtectionConfig,
		Object.assign(new SsrfProtectionConfig(), { enabled: true, allowedIpRanges: loopbackRanges }),
	);

	const reportedErrors: unknown[] = [];
	const errorReporter = { error: (error: unknown) => reportedErrors.push(error) } as unknown as ErrorReporter;
	const binaryDataConfig = {
		mode: 'filesystem',
		availableModes: ['filesystem'],
		localStoragePath: binaryDataFolder,
		signingSecret: 'contract-test-binary-signing-secret',
		dbMaxFileSize: 512,
	} as unknown as BinaryDataConfig;
	const binaryDataService = new BinaryDataService(
		binaryDataConfig,
		errorReporter,
		logger as unknown as N8nCoreLogger,
	);
	await binaryDataService.init();
	Container.set(BinaryDataService, binaryDataService);

	return {
		folder,
		binaryDataFolder,
		binaryDataService,
		logger,
		reportedErrors,
		ssrfProtection: Container.get(SsrfProtectionService),
	};
}
