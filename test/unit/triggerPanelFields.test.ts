/**
 * The PixVerse Trigger's panel per mode, after n8n's loader added its "Poll Times" field the way
 * it does for every polling node (n8n-core's own loader step), read with n8n's display logic.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { DirectoryLoader } from 'n8n-core';

import { PixVerseTrigger } from '../../nodes/PixVerseTrigger/PixVerseTrigger.node';
import { triggerPanel } from './triggerPanel';

/** n8n-core's loader step that adds Poll Times to polling nodes (private in its typings). */
function loadedDescription(): INodeTypeDescription {
	const nodeType: INodeType = new PixVerseTrigger();
	const loader = DirectoryLoader.prototype as unknown as { applySpecialNodeParameters(nodeType: INodeType): void };
	loader.applySpecialNodeParameters(nodeType);
	return nodeType.description;
}

describe('PixVerse Trigger panel', () => {
	const description = loadedDescription();

	it('shows in webhook mode only what webhook mode uses', () => {
		const { shown } = triggerPanel(description, { mode: 'webhook' });
		expect(shown.map((field) => field.displayName)).toEqual(['Mode', expect.stringMatching(/^Set this trigger's Production URL/), 'Statuses', 'Filters', 'Options']);
	});

	it('shows Poll Times and the account in polling mode, right after Mode', () => {
		const { shown } = triggerPanel(description, { mode: 'polling' });
		expect(shown.map((field) => field.name)).toEqual(['mode', 'pollTimes', 'account', 'statuses', 'filters', 'options']);
	});

	it('still gives n8n a poll schedule in webhook mode (it reads pollTimes for the idle poller)', () => {
		expect(triggerPanel(description, { mode: 'webhook' }).parameters.pollTimes).toEqual({ item: [{ mode: 'everyMinute' }] });
		const hourly = { item: [{ mode: 'everyHour', minute: 5 }] };
		expect(triggerPanel(description, { mode: 'polling', pollTimes: hourly }).parameters.pollTimes).toEqual(hourly);
	});

	it('adds Poll Times once however often the loader runs', () => {
		const again = loadedDescription();
		expect(again.properties.filter((property) => property.name === 'pollTimes')).toHaveLength(2);
	});

	it('names the button n8n shows for a polling trigger, not one that does not exist', () => {
		const notice = description.properties.find((property) => property.name === 'webhookNotice')!;
		expect(notice.displayName).toContain('"Fetch Test Event"');
		expect(notice.displayName).not.toMatch(/Listen for test event|Poll Times/);
	});
});
