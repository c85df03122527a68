/** Fixed so credentials imported in one command can be decrypted by the next. Local use only. */
export const LOCAL_ENCRYPTION_KEY = 'n8n-nodes-useapi-pixverse-local-only-key';

/**
 * Settings from the caller's environment that would change how n8n runs: its database and
 * config, and NODE_ENV (jest sets it to `test`, and n8n then exits at once without output).
 */
function isInheritedN8nSetting(name: string): boolean {
	return (
		name.startsWith('N8N_') ||
		name.startsWith('DB_') ||
		name.startsWith('JEST_') ||
		['WEBHOOK_URL', 'NODE_OPTIONS', 'NODE_ENV'].includes(name)
	);
}

/**
 * Environment for any n8n command run headless against `userFolder` (n8n keeps its database,
 * settings and community packages in `<userFolder>/.n8n`). Nothing here reaches n8n's servers.
 */
export function n8nEnvironment(userFolder: string, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !isInheritedN8nSetting(name)));
	return {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: LOCAL_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		// `execute` prints its result at info level; a lower level prints nothing.
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		...overrides,
	};
}
