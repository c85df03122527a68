/**
 * Every dynamic dropdown and searchable list the package's nodes declare, loaded the way the
 * editor loads them: a real n8n server, signed in as its owner, calling the dynamic node
 * parameter endpoints with the simulator credential. Methods are discovered from the node
 * descriptions n8n serves, so new ones are covered without changing this file.
 */
import type { INodeProperties, INodePropertyCollection, INodeTypeDescription } from 'n8n-workflow';

import { DEFAULT_TOKEN } from '../../simulator';
import { type EditorSession, useN8nTestEnvironment } from './helpers';

const PACKAGE = 'n8n-nodes-useapi-pixverse';
const ACCOUNTS = [
	{ email: 'studio@example.com', maxJobs: 3, credits: 5000 },
	{ email: 'backup@example.com', maxJobs: 2, credits: 700 },
];

interface DynamicParameter {
	nodeType: string;
	version: number;
	credentialType: string;
	/** `parameters.<name>` (or deeper, inside collections), as the editor sends it. */
	path: string;
	kind: 'loadOptions' | 'listSearch';
	method: string;
	/** The parameter values that make it visible: resource, operation and the like. */
	parameters: Record<string, unknown>;
}

type Show = Record<string, unknown>;

/** The first allowed value of each plain condition: enough to show the parameter. */
function visibleWith(show: Show | undefined): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const [name, allowed] of Object.entries(show ?? {})) {
		if (name.startsWith('@') || !Array.isArray(allowed)) continue;
		const plain = allowed.find((value) => value === null || typeof value !== 'object');
		if (plain !== undefined) values[name] = plain;
	}
	return values;
}

function dynamicParameters(node: INodeTypeDescription): DynamicParameter[] {
	const found: DynamicParameter[] = [];
	const version = Array.isArray(node.version) ? Math.max(...node.version) : node.version;
	const credentialType = node.credentials?.[0]?.name ?? '';
	const walk = (properties: Array<INodeProperties | INodePropertyCollection>, prefix: string, inherited: Record<string, unknown>) => {
		for (const property of properties) {
			if (!('type' in property)) {
				walk(property.values, `${prefix}.${property.name}`, inherited);
				continue;
			}
			const path = `${prefix}.${property.name}`;
			const parameters = { ...inherited, ...visibleWith(property.displayOptions?.show as Show | undefined) };
			const base = { nodeType: node.name, version, credentialType, path, parameters };
			const loadMethod = property.typeOptions?.loadOptionsMethod;
			if (loadMethod) found.push({ ...base, kind: 'loadOptions', method: loadMethod });
			for (const mode of property.modes ?? []) {
				const searchMethod = mode.typeOptions?.searchListMethod;
				if (searchMethod) found.push({ ...base, kind: 'listSearch', method: searchMethod });
			}
			if (property.options && (property.type === 'collection' || property.type === 'fixedCollection')) {
				walk(property.options as Array<INodeProperties | INodePropertyCollection>, path, parameters);
			}
		}
	};
	walk(node.properties, 'parameters', {});
	return found;
}

describe('dynamic dropdowns of the packed nodes in a real n8n', () => {
	const n8n = useN8nTestEnvironment({ shared: true, simulator: { accounts: ACCOUNTS } });
	let editor: EditorSession;
	let parameters: DynamicParameter[];
	/** Everything the simulator can put in a dropdown, as JSON text. */
	let simulatorData: string;

	beforeAll(async () => {
		editor = n8n.editor!;
		const nodeTypes = await editor.request<INodeTypeDescription[]>('GET', '/types/nodes.json');
		const ours = nodeTypes.filter((node) => node.name.startsWith(`${PACKAGE}.`));
		parameters = ours.flatMap(dynamicParameters);

		const api = async (path: string) => {
			const response = await fetch(`${n8n.simulator.url}/v2/pixverse${path}`, { headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } });
			return await response.text();
		};
		const email = `email=${encodeURIComponent(ACCOUNTS[0].email)}`;
		simulatorData = (await Promise.all(['/accounts', `/videos/effects?${email}`, `/videos/voices?${email}`, `/videos/restyles?${email}`, `/speech/voices?${email}`].map(api))).join('\n');
	});

	it('finds the dropdowns the nodes declare', () => {
		const methods = parameters.map((parameter) => `${parameter.kind}:${parameter.method}`);
		expect(methods).toContain('loadOptions:getAccounts');
		expect(parameters.every((parameter) => parameter.credentialType === 'useApiApi')).toBe(true);
	});

	it('loads every one of them from the simulator', async () => {
		const seen = new Set<string>();
		for (const parameter of parameters) {
			const key = `${parameter.nodeType} ${parameter.kind}:${parameter.method}`;
			if (seen.has(key)) continue;
			seen.add(key);

			n8n.simulator.clearLog();
			const request = {
				path: parameter.path,
				methodName: parameter.method,
				nodeTypeAndVersion: { name: parameter.nodeType, version: parameter.version },
				currentNodeParameters: parameter.parameters,
				credentials: { [parameter.credentialType]: n8n.credential },
			};
			const entries =
				parameter.kind === 'loadOptions'
					? await editor.request<Array<{ name: string; value: unknown }>>('POST', '/rest/dynamic-node-parameters/options', request)
					: (await editor.request<{ results: Array<{ name: string; value: unknown }> }>('POST', '/rest/dynamic-node-parameters/resource-locator-results', request)).results;

			const fromSimulator = entries.filter((entry) => entry.value !== '' && simulatorData.includes(typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value)));
			const calls = n8n.simulator.log().filter((entry) => entry.path.startsWith('/v2/pixverse/'));
			expect({ key, fromSimulator: fromSimulator.length > 0, authorized: calls.length > 0 && calls.every((call) => call.authorized) }).toEqual({
				key,
				fromSimulator: true,
				authorized: true,
			});
		}
		expect(seen.size).toBeGreaterThan(0);
	});

	it('lists the simulator accounts in the account dropdown', async () => {
		const account = parameters.find((parameter) => parameter.method === 'getAccounts')!;
		const entries = await editor.request<Array<{ name: string; value: string }>>('POST', '/rest/dynamic-node-parameters/options', {
			path: account.path,
			methodName: 'getAccounts',
			nodeTypeAndVersion: { name: account.nodeType, version: account.version },
			currentNodeParameters: account.parameters,
			credentials: { useApiApi: n8n.credential },
		});
		expect(entries.map((entry) => entry.value)).toEqual(['', 'studio@example.com', 'backup@example.com']);
	});
});
