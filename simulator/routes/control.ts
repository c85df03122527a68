import type { Fault } from '../faults';
import type { Router } from '../http/router';
import { json, noContent } from '../http/reply';
import type { SimulatorOptions } from '../options';
import type { World } from '../world';

/** The testing API under /__sim/: no token, not logged, never faulted. */
export function registerControlRoutes(router: Router, world: World): void {
	router.add('GET', '/__sim/log', () => json(200, world.log.list()), false);
	router.add('DELETE', '/__sim/log', () => (world.log.clear(), noContent()), false);

	router.add('GET', '/__sim/callbacks', () => json(200, world.webhooks.list()), false);
	router.add('DELETE', '/__sim/callbacks', () => (world.webhooks.clear(), noContent()), false);

	router.add('GET', '/__sim/state', () => json(200, world.state()), false);
	router.add('POST', '/__sim/config', async (ctx) => json(200, world.configure((await ctx.form()) as SimulatorOptions)), false);
	router.add('POST', '/__sim/reset', async (ctx) => {
		const body = await ctx.form();
		world.reset(Object.keys(body).length > 0 ? (body as SimulatorOptions) : undefined);
		return json(200, world.state());
	}, false);

	router.add('GET', '/__sim/faults', () => json(200, world.faults.list()), false);
	router.add('POST', '/__sim/faults', async (ctx) => {
		// One fault as the body, or several as {"faults": [...]}.
		const body = await ctx.form();
		const faults = Array.isArray(body.faults) ? (body.faults as Fault[]) : [body as unknown as Fault];
		faults.forEach((fault) => world.faults.add(fault));
		return json(200, world.faults.list());
	}, false);
	router.add('DELETE', '/__sim/faults', () => (world.faults.clear(), noContent()), false);
}
