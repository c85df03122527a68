/**
 * The owner account of the local demo, created by n8n at start from N8N_INSTANCE_OWNER_* so the
 * "set up owner account" screen never shows. Local demo only: the instance listens on 127.0.0.1.
 */
export const DEMO_OWNER = {
	email: 'demo@example.com',
	password: 'PixVerse-demo-1',
	// bcrypt (cost 10) of the password above; n8n accepts only a pre-hashed password here.
	passwordHash: '$2a$10$b3sabWnLeZSmHywS.F.8M.37EgMBg5EtLyJQqOG4E35YmXmldJpMe',
};

export function demoOwnerEnvironment(): NodeJS.ProcessEnv {
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: DEMO_OWNER.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: DEMO_OWNER.passwordHash,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
		N8N_INSTANCE_OWNER_LAST_NAME: 'User',
	};
}
