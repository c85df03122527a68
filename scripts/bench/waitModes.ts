import { join } from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';

export interface WaitModeOption {
	name: string;
	value: string;
}

/** The "Wait for Completion" choices of the built PixVerse node (dist/), across all operations. */
export function builtWaitModes(repoFolder: string): WaitModeOption[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(repoFolder, 'dist', 'nodes', 'PixVerse', 'PixVerse.node.js')) as { PixVerse: new () => INodeType };
	const properties: INodeProperties[] = new module.PixVerse().description.properties;
	const modes = new Map<string, WaitModeOption>();
	for (const property of properties.filter((candidate) => candidate.name === 'waitMode')) {
		for (const option of property.options ?? []) {
			if ('value' in option && typeof option.value === 'string') modes.set(option.value, { name: option.name, value: option.value });
		}
	}
	return [...modes.values()];
}

/** The mode that parks the execution until useapi calls back, when this build has one. */
export function callbackWaitMode(modes: WaitModeOption[]): WaitModeOption | undefined {
	return modes.find((mode) => mode.value === 'callback');
}
