import type { IDataObject } from 'n8n-workflow';

/** useapi masks secrets as "…secured…"; they are dropped, along with anything named like a secret. */
const SECURED_VALUE = /secured/i;
const SECRET_KEY = /password|passwd|token|secret|cookie|authorization|api_?key/i;

/** A copy of an account record without its password and session token, at any depth. */
export function withoutSecrets(record: IDataObject): IDataObject {
	const copy: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (SECRET_KEY.test(key)) continue;
		if (typeof value === 'string' && SECURED_VALUE.test(value)) continue;
		copy[key] = value && typeof value === 'object' && !Array.isArray(value) ? withoutSecrets(value as IDataObject) : value;
	}
	return copy;
}
