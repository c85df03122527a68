import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The credential types a harness run knows, looked up by name the way n8n's CredentialTypes service does. */
export class CredentialTypeRegistry {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of types) this.byName.set(type.name, type);
	}

	has(name: string): boolean {
		return this.byName.has(name);
	}

	get(name: string): ICredentialType {
		const type = this.byName.get(name);
		if (!type) {
			throw new Error(
				`Credential type "${name}" is not known to the harness (known: ${[...this.byName.keys()].join(', ') || 'none'})`,
			);
		}
		return type;
	}

	/** All ancestors named in `extends`, nearest first. */
	parentTypes(name: string): string[] {
		const parents = this.byName.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.parentTypes(parent)]);
	}

	/** Own properties plus inherited ones; an own property overrides a parent's of the same name. */
	properties(name: string): INodeProperties[] {
		const type = this.get(name);
		const inherited = (type.extends ?? []).filter((parent) => this.has(parent)).flatMap((parent) => this.properties(parent));
		const ownNames = new Set(type.properties.map((property) => property.name));
		return [...inherited.filter((property) => !ownNames.has(property.name)), ...type.properties];
	}
}

const projectCredentialsFolder = path.resolve(__dirname, '../../../credentials');

/**
 * Instances of every credential class exported from the project's credentials/*.credentials.ts,
 * or none while that folder has no credential yet.
 */
export function discoverProjectCredentialTypes(folder = projectCredentialsFolder): ICredentialType[] {
	let files: string[];
	try {
		files = readdirSync(folder).filter((file) => file.endsWith('.credentials.ts'));
	} catch {
		return [];
	}
	return files.flatMap((file) => credentialTypesExportedBy(path.join(folder, file)));
}

function credentialTypesExportedBy(file: string): ICredentialType[] {
	// Loaded at run time because the project's credentials may not exist yet; require lets
	// jest (or tsx) compile the TypeScript source.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(file) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is new () => ICredentialType => typeof value === 'function')
		.map((CredentialClass) => new CredentialClass())
		.filter((instance) => typeof instance.name === 'string' && Array.isArray(instance.properties));
}
