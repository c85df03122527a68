/** The Voice and Restyle catalogs listed by the example workflow in a real n8n, against the simulator. */
import { DEFAULT_TOKEN } from '../../simulator';
import { nodeOutputJson, useN8nTestEnvironment } from './helpers';

describe('Voice and Restyle examples in a real n8n', () => {
	const n8n = useN8nTestEnvironment({ workflows: ['list-voices-and-styles'], shared: true });

	async function catalog(path: string): Promise<unknown[]> {
		const response = await fetch(`${n8n.simulator.url}/v2/pixverse/videos/${path}`, { headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } });
		const body = (await response.json()) as unknown[] | { items?: unknown[]; data?: unknown[] };
		return Array.isArray(body) ? body : (body.items ?? body.data ?? []);
	}

	it('lists up to the limit of voices and every restyle style, as the API has them', async () => {
		const run = await n8n.executeOk('pvListVoicesStyles');
		const voices = nodeOutputJson(run, 'Lip-Sync Voices');
		const styles = nodeOutputJson(run, 'Restyle Styles');
		const allVoices = await catalog('voices');
		const allStyles = await catalog('restyles');
		expect(voices).toHaveLength(Math.min(5, allVoices.length));
		expect(voices.every((voice) => voice.speaker_id !== undefined)).toBe(true);
		expect(styles).toHaveLength(allStyles.length);
		expect(styles.every((style) => style.restyle_id !== undefined)).toBe(true);
	});
});
