import type { INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { RESOURCES } from '../../nodes/PixVerse/actions/resources';
import { simplifyVideo } from '../../nodes/PixVerse/actions/outputItems';

const description = new PixVerse().description;

function simplifyDefault(toolName?: string): unknown {
	const type = toolName ? { ...description, name: toolName } : description;
	const node: INode = { id: 'n', name: 'PixVerse', type: `n8n-nodes-useapi-pixverse.${type.name}`, typeVersion: 1, position: [0, 0], parameters: {} };
	return NodeHelpers.getNodeParameters(type.properties, { resource: 'video', operation: 'get' }, true, false, node, type)?.simplify;
}

describe('Simplify', () => {
	it('keeps the fields a next step acts on, and error, wait and cost fields only when present', () => {
		const record = { video_id: 'v1', video_status_name: 'FAILED', video_status_final: true, url: '', model: 'v6', prompt: 'p', duration: 5, quality: '720p', aspect_ratio: '16:9', created_at: '2026-01-01', fail_code: 500, fail_reason: 'Generation failed', seed: 7, likes: 0, queue_data: {} };
		expect(simplifyVideo(record)).toEqual({
			video_id: 'v1', video_status_name: 'FAILED', video_status_final: true, url: '', model: 'v6', prompt: 'p', duration: 5, quality: '720p', aspect_ratio: '16:9', created_at: '2026-01-01', fail_code: 500, fail_reason: 'Generation failed',
		});
		expect(simplifyVideo({ video_id: 'v2', timed_out: true, replyRef: 'r', cost_credits: 30 })).toMatchObject({ video_id: 'v2', url: null, timed_out: true, replyRef: 'r', cost_credits: 30 });
	});

	it('is off in workflows and on by default when an AI agent uses the node as a tool', () => {
		expect(simplifyDefault()).toBe(false);
		expect(simplifyDefault(`${description.name}Tool`)).toBe(true);
	});

	it('is offered by exactly the operations that put out video, image, speech or music records', () => {
		const offering = RESOURCES.flatMap((resource) => resource.operations.filter((operation) => operation.outputsResults).map((operation) => `${resource.value}:${operation.value}`));
		expect(offering.sort()).toEqual(
			[
				...['create', 'createFromEffect', 'createFrames', 'createTransition', 'createFusion', 'extend', 'upscale', 'lipsync', 'modify', 'motionControl', 'restyle', 'get', 'list', 'waitForCompletion'].map((operation) => `video:${operation}`),
				...['image', 'speech', 'music'].flatMap((resource) => ['create', 'get', 'list'].map((operation) => `${resource}:${operation}`)),
			].sort(),
		);
	});

	it('"List" operations are named "Get Many", with their old values kept for saved workflows', () => {
		const lists = RESOURCES.flatMap((resource) => resource.operations.filter((operation) => operation.value === 'list'));
		expect(lists.length).toBe(8);
		for (const operation of lists) {
			expect(operation.name).toBe('Get Many');
			expect(operation.action).toMatch(/^Get many /);
		}
	});
});
