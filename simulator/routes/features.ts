import { accountForListing } from '../admission';
import type { Router } from '../http/router';
import { json } from '../http/reply';
import type { Account } from '../state/accounts';
import type { World } from '../world';

/** The plan every simulated account is on: PixVerse Premium (8 parallel generations). */
const PLAN_CONCURRENCY = 8;

export function registerFeatureRoutes(router: Router, world: World): void {
	router.add('GET', '/v2/pixverse/features', (ctx) => json(200, features(accountForListing(world.accounts, ctx.query.get('email')))));
}

/** GET /features: the whole balance is reported as credit_package; daily and monthly credits are 0. */
function features(account: Account): Record<string, unknown> {
	const renewal = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
	return {
		user_id: account.accountId,
		member_id: account.accountId,
		product_id: 3,
		plan_name: 'Premium',
		next_plan_name: 'Premium',
		next_plan_type: 3,
		current_plan_type: 3,
		last_plan_name: 'Pro',
		last_plan_type: 2,
		last_product_id: 2,
		type: 1,
		credit_daily: 0,
		credit_daily_gift: 0,
		initial_credit_gift: 0,
		credit_monthly: 0,
		credit_monthly_gift: 0,
		credit_package: account.credits,
		credits_more: 0,
		expired_date: renewal,
		expired_member: 0,
		price: 60,
		billing_period: 'month',
		next_billing_period: 'month',
		billing_renewal_date: renewal,
		payment: 'card',
		invoice_url: '',
		stripe_bill_url: '',
		gen_simultaneously: PLAN_CONCURRENCY,
		allow_fast_mode: 1,
		allow_relaxed_mode: 1,
		allow_use_new_feat: 1,
		allow_private_generate: 1,
		remove_watermark: 1,
		allow_purchase_credit: 1,
		sub_order_in_progress: 0,
		allow_effect: 1,
		album_num: 0,
		batch_generation: 1,
		off_peak: 1,
		off_peak_discount: '0.7',
		preview_mode: 1,
		preview_mode_discount: '0.8',
		qualities: ['360p', '480p', '540p', '720p', '1080p'],
		remaining_days: 30,
		credits_refresh_time: renewal,
		daily_credits_refresh_time: renewal,
		is_gift_card: 0,
	};
}
