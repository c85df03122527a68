import { randomUUID } from 'node:crypto';

/** The owner of a fresh n8n, created through its REST API the way the setup screen does. */
export const E2E_OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'PixVerse-e2e-1' };

export interface EditorSession {
	/** A REST call as the signed-in editor; answers n8n's `data`, throws on any other status than 2xx. */
	request<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
}

/**
 * Sets up the owner account of a fresh n8n server, then signs in as the editor in a browser
 * would: the auth cookie plus the browser-id header n8n binds it to.
 */
export async function signInAsOwner(baseUrl: string): Promise<EditorSession> {
	const browserId = randomUUID();
	let cookie = '';
	const send = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', 'browser-id': browserId, ...(cookie ? { Cookie: cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const auth = response.headers.getSetCookie().find((header) => header.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		return text ? (JSON.parse(text) as { data?: unknown }) : {};
	};

	await send('POST', '/rest/owner/setup', E2E_OWNER);
	await send('POST', '/rest/login', { emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password });
	if (!cookie) throw new Error('n8n issued no auth cookie on login');
	return {
		request: async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
			const answer = await send(method, path, body);
			return ('data' in answer ? answer.data : answer) as T;
		},
	};
}
