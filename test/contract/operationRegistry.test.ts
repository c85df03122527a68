import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { IExecuteFunctions } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/PixVerse/actions/resources';
import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';

const execute = (context: IExecuteFunctions) => new PixVerse().execute.call(context);
const pairs = RESOURCES.flatMap((resource) => resource.operations.map((operation) => [resource.value, operation.value, operation] as const));

/** A context that only names the resource and operation; everything else falls back to defaults. */
function contextFor(resource: string, operation: string): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => (name === 'resource' ? resource : name === 'operation' ? operation : fallback),
		getInputData: () => [{ json: {} }],
		continueOnFail: () => false,
		getNode: () => ({ id: 'node', name: 'PixVerse', type: 'n8n-nodes-useapi-pixverse.pixVerse', typeVersion: 1, position: [0, 0], parameters: {} }),
	} as unknown as IExecuteFunctions;
}

describe('operation registry', () => {
	it.each(pairs)('%s > %s has a contract test (test/contract/actions mirrors actions/)', (resource, operation) => {
		const files = [join(__dirname, 'actions', `${resource}.test.ts`), join(__dirname, 'actions', resource, `${operation}.test.ts`)];
		expect(files.some((file) => existsSync(file))).toBe(true);
	});

	it.each(pairs)('execute() reaches %s > %s', async (resource, operation, definition) => {
		const { run } = definition;
		const reached = new Error(`reached ${resource} > ${operation}`);
		const original = { ...run };
		const fail = jest.fn(() => {
			throw reached;
		});
		Object.assign(run, run.kind === 'generation' ? { prepare: fail } : { execute: fail });
		try {
			await expect(execute(contextFor(resource, operation))).rejects.toThrow(reached.message);
			expect(fail).toHaveBeenCalledTimes(1);
		} finally {
			Object.assign(run, original);
		}
	});

	it('refuses an operation it does not know', async () => {
		await expect(execute(contextFor('video', 'teleport'))).rejects.toThrow('The operation "teleport" of resource "video" is not supported');
	});
});
