/**
 * Values that go into an endpoint's path (`/videos/{video_id}`, `/accounts/{email}`, …) are sent
 * raw, as useapi matches them. So a value that could change the path or add a query is refused
 * before anything is sent: `../accounts` as a video id must never become DELETE /accounts.
 * Ids are opaque (they embed the account's email, sometimes masked: `jo***@gmail.com`), so only
 * what can change the request is refused; emails must also look like an email.
 */

/** The path parameters of ENDPOINTS, with the field a user knows them by. */
export const PATH_PARAMETERS: Record<string, { field: string; kind: 'id' | 'email' }> = {
	video_id: { field: 'Video ID (video_id)', kind: 'id' },
	image_id: { field: 'Image ID (image_id)', kind: 'id' },
	audio_id: { field: 'Audio ID (audio_id)', kind: 'id' },
	id: { field: 'Job ID', kind: 'id' },
	email: { field: 'Account email', kind: 'email' },
};

const MAX_LENGTH = { id: 1024, email: 254 };

const ALLOWED = {
	id: 'an ID as useapi.net returns it, e.g. user:12345-pixverse:you@example.com-video:987654, without /, \\, .., ?, #, %, spaces or control characters',
	email: 'an email address such as you@example.com, without /, \\, .., ?, #, %, spaces or control characters',
};

/** What in a value could change the path or the query, named for the error. */
function unsafePart(value: string): string | undefined {
	if (value.includes('..')) return '".."';
	if (value === '.') return '"."';
	const character = /[/\\?#%]/.exec(value)?.[0];
	if (character) return `"${character}"`;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return 'a control character';
	if (/\s/.test(value)) return 'a space';
	return undefined;
}

const EMAIL_SHAPE = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;

export interface PathParameterProblem {
	field: string;
	value: string;
	message: string;
	allowed: string;
}

/** Why a value cannot go into the path as `{name}`, or undefined when it can. */
export function pathParameterProblem(name: string, value: unknown): PathParameterProblem | undefined {
	const { field, kind } = PATH_PARAMETERS[name] ?? { field: name, kind: 'id' as const };
	const text = typeof value === 'string' ? value : String(value ?? '');
	const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
	const problem = (reason: string): PathParameterProblem => ({ field, value: text, message: `${field} ${shown} ${reason}`, allowed: ALLOWED[kind] });
	if (typeof value !== 'string' || !value) return problem('is empty');
	if (value.length > MAX_LENGTH[kind]) return problem(`is ${value.length} characters long; at most ${MAX_LENGTH[kind]} are allowed`);
	const unsafe = unsafePart(value);
	if (unsafe) return problem(`contains ${unsafe}, which could send the request to another endpoint`);
	if (kind === 'email' && !EMAIL_SHAPE.test(value)) return problem('is not an email address');
	return undefined;
}
