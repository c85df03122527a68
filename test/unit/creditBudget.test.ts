import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { chargeForEffect, chargeForUpscale, chargeForVideo, unpricedOperation } from '../../nodes/core/models/generationCharge';
import { answeredPrice, CreditLedger, overBudgetText, refusedUncharged } from '../../nodes/PixVerse/generation/creditBudget';

describe('CreditLedger', () => {
	it('sends what fits, and refuses what would pass the budget with the numbers', () => {
		const ledger = new CreditLedger(100);
		expect(ledger.admit(0, 35)).toBe('send');
		ledger.settle(0, 35);
		expect(ledger.admit(1, 35)).toBe('send');
		ledger.settle(1, 35);
		expect(ledger.admit(2, 35)).toEqual({ used: 70, budget: 100, needs: 35 });
		// A cheaper item still fits: each item is checked on its own.
		expect(ledger.admit(3, 30)).toBe('send');
		ledger.settle(3, 30);
		expect(ledger.used).toBe(100);
		expect(ledger.admit(4, 0.01)).toEqual({ used: 100, budget: 100, needs: 0.01 });
	});

	it('counts reservations in flight: an item that fits only if one of them is refused waits', () => {
		const ledger = new CreditLedger(100);
		expect(ledger.admit(0, 40)).toBe('send');
		expect(ledger.admit(1, 40)).toBe('send');
		expect(ledger.admit(2, 40)).toBe('wait');
		// The first is refused (or busy): its reservation is freed, and the third fits.
		ledger.release(0);
		expect(ledger.admit(2, 40)).toBe('send');
		ledger.settle(1, 40);
		ledger.settle(2, 40);
		expect(ledger.used).toBe(80);
	});

	it('replaces the estimate by the price the answer gave, and keeps the estimate when there is none', () => {
		const ledger = new CreditLedger(60);
		ledger.admit(0, 35);
		ledger.settle(0, 25);
		expect(ledger.used).toBe(25);
		expect(ledger.admit(1, 35)).toBe('send');
		// The answer was lost: it may have charged, so what was reserved stays counted.
		ledger.settle(1);
		expect(ledger.used).toBe(60);
	});

	it('starts from what earlier runs accepted, and reports every new total', () => {
		const totals: number[] = [];
		const ledger = new CreditLedger(100, 80, (total) => totals.push(total));
		expect(ledger.admit(0, 35)).toEqual({ used: 80, budget: 100, needs: 35 });
		expect(ledger.admit(1, 20)).toBe('send');
		ledger.settle(1, 20);
		expect(totals).toEqual([100]);
	});

	it('without a budget sends everything and still counts it', () => {
		const ledger = new CreditLedger(undefined, 5);
		for (let key = 0; key < 3; key++) {
			expect(ledger.admit(key, 1000)).toBe('send');
			ledger.settle(key);
		}
		expect(ledger.used).toBe(3005);
	});

	it('adds to the cent, so fractions (preview mode) do not pass a budget they meet', () => {
		const ledger = new CreditLedger(0.3);
		ledger.admit(0, 0.1);
		ledger.settle(0);
		ledger.admit(1, 0.2);
		ledger.settle(1);
		expect(ledger.used).toBe(0.3);
		const preview = new CreditLedger(16.8);
		for (let key = 0; key < 3; key++) {
			expect(preview.admit(key, 5.6)).toBe('send');
			preview.settle(key);
		}
	});
});

describe('answeredPrice', () => {
	it('reads cost_credits as a number or numeric text, nothing else', () => {
		expect(answeredPrice({ cost_credits: 35 })).toBe(35);
		expect(answeredPrice({ cost_credits: '24.5' })).toBe(24.5);
		expect(answeredPrice({ cost_credits: 0 })).toBe(0);
		expect(answeredPrice({})).toBeUndefined();
		expect(answeredPrice({ cost_credits: '' })).toBeUndefined();
		expect(answeredPrice({ cost_credits: 'many' })).toBeUndefined();
		expect(answeredPrice({ cost_credits: -3 })).toBeUndefined();
		expect(answeredPrice({ cost_credits: null })).toBeUndefined();
	});
});

describe('refusedUncharged', () => {
	const node = { name: 'PixVerse', type: 'pixVerse', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
	const answered = (httpCode: string) => new NodeApiError(node, { message: 'x' }, { httpCode });

	it('frees the credits only of a request the API answered with a 4xx', () => {
		expect(refusedUncharged(answered('400'))).toBe(true);
		expect(refusedUncharged(answered('412'))).toBe(true);
		expect(refusedUncharged(answered('422'))).toBe(true);
		expect(refusedUncharged(answered('500'))).toBe(false);
		expect(refusedUncharged(new NodeApiError(node, { message: 'socket hang up' }))).toBe(false);
		expect(refusedUncharged(new NodeOperationError(node, 'The answer to POST /videos/create was lost'))).toBe(false);
		expect(refusedUncharged(undefined)).toBe(false);
	});
});

describe('overBudgetText', () => {
	it('names the numbers and what the item counts', () => {
		const { message, description } = overBudgetText({ used: 480, budget: 500, needs: 40 }, '8 credits per second at 540p x 5 s');
		expect(message).toBe('over the credit budget: 480 of 500 used, this item needs 40');
		expect(description).toContain('Credit Budget (options.creditBudget) is 500 credits for this execution');
		expect(description).toContain('This item counts 40: 8 credits per second at 540p x 5 s.');
		expect(description).toContain('Nothing was sent or charged for this item');
	});
});

describe('what each generation counts against a budget', () => {
	it('a priced model: its published estimate', () => {
		expect(chargeForVideo('create', { model: 'v6', quality: '720p', duration: 5 })).toEqual({ credits: 35, basis: expect.stringMatching(/^7 credits per second at 720p x 5 s/) });
		expect(chargeForVideo('create', { model: 'v6', quality: '720p', duration: 5, previewMode: true }).credits).toBe(28);
		expect(chargeForVideo('extend', { model: 'v5.5', quality: '540p', duration: 5, audio: true }).credits).toBe(40);
	});

	it('settings without a published price: the dearest published rate of the model for that length', () => {
		// v5.5 is priced at 360p and 540p: its dearest, 40 credits for 5 s with audio, is 8 per second.
		const v55 = chargeForVideo('create', { model: 'v5.5', quality: '720p', duration: 5 });
		expect(v55).toEqual({ credits: 40, basis: expect.stringContaining('counted at the dearest published v5.5 rate, 8 credits per second x 5 s') });
		// v5 at 1080p is 80 for 5 s: 16 per second, for a 10 s transition 160.
		expect(chargeForVideo('createTransition', { model: 'v5', quality: '540p', duration: 10 }).credits).toBe(160);
		expect(chargeForVideo('create', { model: 'v5', quality: '1080p', duration: 8 }).credits).toBe(128);
	});

	it('a model without any published price has no figure, and says which models of the operation have one', () => {
		expect(chargeForVideo('create', { model: 'kling-v3', quality: '720p', duration: 5 })).toEqual({
			credits: null,
			unpriced: 'model "kling-v3"',
			priced: 'the models with a published price, v6, v5.5, v5, seedance-2.0',
		});
		expect(chargeForVideo('createFusion', { model: 'pixverse-c1', quality: '720p', duration: 5 })).toMatchObject({ credits: null, priced: 'the models with a published price, v5, seedance-2.0' });
	});

	it('upscale: by the source length, at the dearest upscale rate when that length is not priced or not known', () => {
		expect(chargeForUpscale(5)).toMatchObject({ credits: 30 });
		expect(chargeForUpscale(8)).toMatchObject({ credits: 60 });
		expect(chargeForUpscale(6)).toEqual({ credits: 45, basis: expect.stringContaining('7.5 credits per second x 6 s') });
		expect(chargeForUpscale(undefined)).toEqual({ credits: 113, basis: expect.stringMatching(/^The source video's length is not known; counted as the longest video the upscaler takes, 15 s/) });
	});

	it('an effect template: the catalog cost, else as a video of its model and length, else no figure', () => {
		expect(chargeForEffect({ template_id: 1, video_base_cost: 40, fixed_cost: 5 })).toEqual({ credits: 45, basis: 'Effects catalog: video_base_cost 40 + fixed_cost 5' });
		expect(chargeForEffect({ template_id: 2, template_model: 'v6', duration: 5 }).credits).toBe(70);
		expect(chargeForEffect({ template_id: 3, template_model: 'image_v6', duration: 1 })).toMatchObject({ credits: null, unpriced: 'effect template 3 (the catalog gives no cost, and model "image_v6" has no published price)' });
	});

	it('an operation without a published price names what a budget can hold', () => {
		const charge = unpricedOperation('Lip Sync');
		expect(charge).toMatchObject({ credits: null, unpriced: 'Lip Sync' });
		expect(charge.credits === null && charge.priced).toMatch(/^Create, Create From First and Last Frame, .*; Upscale$/);
	});
});
