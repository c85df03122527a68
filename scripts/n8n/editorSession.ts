import { randomUUID } from 'node:crypto';

/** The owner of a fresh n8n, created through its REST API the way the setup screen does. */
export const E2E_OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'PixVerse-e2e-1' };

export interface EditorSession {
	/** A REST call as the signed-in editor; answers n8n's `data`, throws on any other status than 2xx. */
	request<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
}

/** Connection failures that happen before the request reached n8n, so that sending it again is safe. */
const NOT_SENT = new Set(['ECONNREFUSED', 'UND_ERR_SOCKET']);

/**
 * fetch, sent a second time when the first try found the connection closed before n8n read the
 * request (a kept-alive connection the server had just closed). Other failures name their cause.
 */
async function fetchFromN8n(url: string, init: RequestInit): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, init);
		} catch (error) {
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			if (attempt < 3 && cause?.code && NOT_SENT.has(cause.code)) continue;
			throw new Error(`${init.method ?? 'GET'} ${url} failed: ${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`);
		}
	}
}

/**
 * Sets up the owner account of a fresh n8n server (unless it has one already), then signs in as
 * the editor in a browser would: the auth cookie plus the browser-id header n8n binds it to.
 */
export async function signInAsOwner(baseUrl: string): Promise<EditorSession> {
	const browserId = randomUUID();
	let cookie = '';
	const send = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
		const response = await fetchFromN8n(`${baseUrl}${path}`, {
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

	try {
		await send('POST', '/rest/owner/setup', E2E_OWNER);
	} catch (error) {
		// A server shared by several test files: the first one set the owner up.
		if (!/answered 400: .*already setup/.test((error as Error).message)) throw error;
	}
	await send('POST', '/rest/login', { emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password });
	if (!cookie) throw new Error('n8n issued no auth cookie on login');
	return {
		request: async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
			const answer = await send(method, path, body);
			return ('data' in answer ? answer.data : answer) as T;
		},
	};
}
