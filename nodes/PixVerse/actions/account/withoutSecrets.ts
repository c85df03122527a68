import type { IDataObject } from 'n8n-workflow';

/** useapi masks secrets as "…secured…"; they are dropped, along with anything named like a secret. */
const SECURED_VALUE = /secured/i;
const SECRET_KEYS = new Set(['password', 'token']);

/** A copy of an account record without its password and session token, at any depth. */
export function withoutSecrets(record: IDataObject): IDataObject {
	const copy: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (SECRET_KEYS.has(key.toLowerCase())) continue;
		if (typeof value === 'string' && SECURED_VALUE.test(value)) continue;
		copy[key] = value && typeof value === 'object' && !Array.isArray(value) ? withoutSecrets(value as IDataObject) : value;
	}
	return copy;
}
