/**
 * n8n-core resolves its own copies of @n8n/di, @n8n/config, @n8n/backend-common and
 * @n8n/backend-network (nested under node_modules/n8n-core). The dependency container and
 * the service classes are only shared when we load exactly those copies, so they are
 * required from n8n-core's location instead of from the project root.
 */
import * as path from 'node:path';

const n8nCoreDir = path.dirname(require.resolve('n8n-core/package.json'));

function requireFromN8nCore<T>(moduleId: string): T {
	// A plain require keeps these in the same module registry (jest's, under jest) as n8n-core.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(moduleId, { paths: [n8nCoreDir] })) as T;
}

type DiModule = typeof import('@n8n/di');
export const Container: DiModule['Container'] = requireFromN8nCore<DiModule>('@n8n/di').Container;
export const { Logger } = requireFromN8nCore<typeof import('@n8n/backend-common')>('@n8n/backend-common');
export const { SsrfProtectionConfig, InstanceSettingsConfig } =
	requireFromN8nCore<typeof import('@n8n/config')>('@n8n/config');
export const { SsrfProtectionService } =
	requireFromN8nCore<typeof import('@n8n/backend-network')>('@n8n/backend-network');
