/**
 * What n8n's server gives the editor about the package's nodes (GET /types/nodes.json, signed
 * in): the node picker's description of the PixVerse entry, and the PixVerse Trigger's panel per
 * mode, read with n8n's own display logic from the description n8n's loader made.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { triggerPanel } from '../unit/triggerPanel';
import { useN8nTestEnvironment } from './helpers';

const PACKAGE = 'n8n-nodes-useapi-pixverse';
const ACTION_DESCRIPTION = 'Generate, extend, upscale and lip-sync PixVerse videos through useapi.net';

interface PickerEntry {
	name: string;
	displayName: string;
	description: string;
}

/**
 * The node picker's entries, by the rule of n8n's editor (useActionsGeneration): a trigger whose
 * name is an action node's name plus "Trigger" joins that node's entry, and the entry then shows
 * the trigger's description.
 */
function pickerEntries(nodeTypes: INodeTypeDescription[]): PickerEntry[] {
	const entries: PickerEntry[] = nodeTypes
		.filter((node) => !node.group.includes('trigger'))
		.map(({ name, displayName, description }) => ({ name, displayName, description }));
	for (const trigger of nodeTypes.filter((node) => node.group.includes('trigger'))) {
		const app = entries.find((entry) => entry.name === trigger.name.replace('Trigger', ''));
		if (app) app.description = trigger.description;
		else entries.push({ name: trigger.name, displayName: trigger.displayName, description: trigger.description });
	}
	return entries;
}

describe('the node types n8n serves to the editor', () => {
	const n8n = useN8nTestEnvironment({ shared: true });
	let ours: INodeTypeDescription[];
	const node = (name: string) => ours.find((description) => description.name === `${PACKAGE}.${name}`)!;

	beforeAll(async () => {
		// The node's AI-tool variant (pixVerseTool) is listed only among an AI agent's tools.
		ours = (await n8n.editor!.request<INodeTypeDescription[]>('GET', '/types/nodes.json')).filter(
			(description) => description.name.startsWith(`${PACKAGE}.`) && !description.name.endsWith('Tool'),
		);
	});

	it('describes the PixVerse node as what it does', () => {
		expect(ours.map((description) => description.name).sort()).toEqual([`${PACKAGE}.pixVerse`, `${PACKAGE}.pixVerseTrigger`]);
		expect(node('pixVerse').description).toBe(ACTION_DESCRIPTION);
	});

	it('shows one PixVerse entry in the node picker, described by both what the node does and what the trigger does', () => {
		expect(pickerEntries(ours)).toEqual([
			{
				name: `${PACKAGE}.pixVerse`,
				displayName: 'PixVerse',
				description: `${ACTION_DESCRIPTION}, and start workflows when they finish`,
			},
		]);
	});

	it('shows the trigger panel fields of webhook mode only in webhook mode', () => {
		const { shown } = triggerPanel(node('pixVerseTrigger'), { mode: 'webhook' });
		expect(shown.map((field) => field.name)).toEqual(['mode', 'webhookNotice', 'statuses', 'filters', 'options']);
		const notice = shown.find((field) => field.name === 'webhookNotice')!;
		expect(notice.displayName).toContain('click "Fetch Test Event"');
		expect(notice.displayName).not.toMatch(/Listen for test event|Poll Times/);
	});

	it('shows Poll Times and the account only in polling mode', () => {
		const { shown, parameters } = triggerPanel(node('pixVerseTrigger'), { mode: 'polling' });
		expect(shown.map((field) => `${field.name}: ${field.displayName}`)).toEqual([
			'mode: Mode',
			'pollTimes: Poll Times',
			'account: Account Name or ID',
			'statuses: Statuses',
			'filters: Filters',
			'options: Options',
		]);
		expect(parameters.pollTimes).toEqual({ item: [{ mode: 'everyMinute' }] });
	});
});
