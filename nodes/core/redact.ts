/**
 * Query parameters whose value is a secret: a PixVerse Trigger's (SECRET_PARAMETER of
 * callbackSecret.ts) and the signature of n8n's resume URLs. Whoever holds either can start or
 * resume a workflow, so neither is ever shown in an output or an error.
 */
const SECRET_IN_URL = /([?&](?:secret|signature)=)[^&#\s"']+/gi;

export const REDACTED = '[redacted]';

/** Text (a URL, the API's words) with the secrets of callback and resume URLs, and every one of `secrets`, replaced. */
export function redactSecrets(text: string, secrets: Array<string | undefined> = []): string {
	let redacted = text.replace(SECRET_IN_URL, `$1${REDACTED}`);
	for (const secret of secrets) if (secret && secret.trim()) redacted = redacted.split(secret).join(REDACTED);
	return redacted;
}
