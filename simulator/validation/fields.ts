import { ApiError } from '../http/reply';

export const invalid = (message: string): ApiError => new ApiError(400, message);

/** "1-8" for a run of consecutive numbers, "4, 6, 8" otherwise. */
export function describeNumbers(values: number[]): string {
	const consecutive = values.every((value, index) => index === 0 || value === values[index - 1] + 1);
	return consecutive && values.length > 2 ? `${values[0]}-${values[values.length - 1]}` : values.join(', ');
}

/**
 * Typed reads of a request body. JSON and multipart bodies are both accepted, so numbers and
 * booleans may arrive as strings. Absent, null and empty-string values count as not sent.
 */
export class Fields {
	constructor(readonly body: Record<string, unknown>) {}

	has(name: string): boolean {
		const value = this.body[name];
		return value !== undefined && value !== null && value !== '';
	}

	/** Names of the given fields that were sent. */
	present(names: readonly string[]): string[] {
		return names.filter((name) => this.has(name));
	}

	string(name: string, max?: number): string | undefined {
		if (!this.has(name)) return undefined;
		const value = this.body[name];
		if (typeof value !== 'string') throw invalid(`${name} must be a string`);
		if (max !== undefined && value.length > max) {
			throw invalid(`${name} is too long: ${value.length} characters, the maximum is ${max}`);
		}
		return value;
	}

	requiredString(name: string, max?: number): string {
		const value = this.string(name, max);
		if (value === undefined) throw invalid(`${name} is required`);
		return value;
	}

	integer(name: string, min: number, max: number): number | undefined {
		if (!this.has(name)) return undefined;
		const raw = this.body[name];
		const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			throw invalid(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
		}
		return value;
	}

	number(name: string, min: number, max: number): number | undefined {
		if (!this.has(name)) return undefined;
		const raw = this.body[name];
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
			throw invalid(`${name} must be a number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
		}
		return value;
	}

	boolean(name: string): boolean | undefined {
		if (!this.has(name)) return undefined;
		const value = this.body[name];
		if (value === true || value === 'true') return true;
		if (value === false || value === 'false') return false;
		throw invalid(`${name} must be true or false (got ${JSON.stringify(value)})`);
	}

	oneOf(name: string, allowed: readonly string[], what = name): string | undefined {
		const value = this.string(name);
		if (value !== undefined && !allowed.includes(value)) {
			throw invalid(`${what} must be one of: ${allowed.join(', ')} (got ${value})`);
		}
		return value;
	}
}
