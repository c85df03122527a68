import { accountWithFreeSlot, CREDITS_MESSAGE, MODERATED_MESSAGE, moderationOutcome } from './admission';
import { Webhooks } from './callbacks';
import { FaultQueue } from './faults';
import { ApiError } from './http/reply';
import { RequestLog } from './log';
import { defaultOptions, mergeOptions, offPeakRenderMs, type ResolvedOptions, type SimulatorOptions } from './options';
import { Accounts } from './state/accounts';
import { Jobs, type Job } from './state/jobs';
import { Uploads } from './state/uploads';
import { RenderTimes } from './renderTime';
import type { GenerationRequest } from './validation/common';
import { jobRecord, jobSummary } from './jobRecord';

/** Everything the simulator holds: options, accounts, uploads, jobs, and the testing instruments. */
export class World {
	options: ResolvedOptions;
	readonly accounts = new Accounts();
	readonly uploads = new Uploads();
	readonly log = new RequestLog();
	readonly faults = new FaultQueue();
	readonly webhooks = new Webhooks(() => this.options.webhook);
	readonly jobs = new Jobs({
		generating: (job) => this.notify(job),
		finished: (job) => this.finished(job),
	});
	private renderTimes: RenderTimes;
	/** Set once the server listens; media URLs are built from it. */
	baseUrl = '';

	constructor(options: SimulatorOptions) {
		this.options = mergeOptions(defaultOptions(), options);
		this.renderTimes = new RenderTimes(this.options.renderJitter, this.options.renderSeed);
		this.accounts.load(this.options.accounts);
	}

	isAuthorized(header: string | undefined): boolean {
		const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
		return token !== undefined && this.options.tokens.includes(token);
	}

	/** Account choice (429), credits (412), moderation (422), then the job starts. */
	submit(request: GenerationRequest): Job {
		return this.submitAll(request)[0];
	}

	/** Like submit, for a request that starts several jobs (create_count images): one slot, one charge. */
	submitAll(request: GenerationRequest): Job[] {
		const count = request.count ?? 1;
		const account = accountWithFreeSlot(this.accounts, this.jobs, request.email, request.maxJobs);
		if (account.credits < request.draft.cost * count) throw new ApiError(412, CREDITS_MESSAGE);
		const outcome = moderationOutcome(request.texts, this.options.moderation);
		if (outcome === 'reject') throw new ApiError(422, MODERATED_MESSAGE);
		account.credits -= request.draft.cost * count;
		const renderMs = this.renderTimes.next(request.draft.offPeak ? offPeakRenderMs(this.options) : this.options.renderMs);
		const jobs = this.jobs.submit(
			{
				...request.draft,
				email: account.email,
				accountId: account.accountId,
				outcome,
				replyUrl: request.draft.replyUrl ?? account.replyUrl,
			},
			renderMs,
			this.options.mp4Bytes,
			count,
		);
		jobs.forEach((job) => this.notify(job));
		return jobs;
	}

	/** Options patch; a new account list replaces the accounts at once (jobs are kept). */
	configure(patch: SimulatorOptions): ResolvedOptions {
		this.options = mergeOptions(this.options, { ...patch, port: undefined, host: undefined });
		if (patch.renderJitter !== undefined || patch.renderSeed !== undefined) {
			this.renderTimes = new RenderTimes(this.options.renderJitter, this.options.renderSeed);
		}
		if (patch.accounts) this.accounts.load(this.options.accounts);
		return this.options;
	}

	/** Back to a fresh start: no jobs, uploads, faults, log or callbacks; options replaced when given. */
	reset(options?: SimulatorOptions): void {
		if (options) {
			const { port, host } = this.options;
			this.options = { ...mergeOptions(defaultOptions(), options), port, host };
		}
		this.renderTimes = new RenderTimes(this.options.renderJitter, this.options.renderSeed);
		this.jobs.clear();
		this.uploads.clear();
		this.faults.clear();
		this.log.clear();
		this.webhooks.reset();
		this.accounts.load(this.options.accounts);
	}

	state(): Record<string, unknown> {
		return {
			options: this.options,
			accounts: this.accounts.list().map((account) => ({
				email: account.email,
				maxJobs: account.maxJobs,
				credits: account.credits,
				replyUrl: account.replyUrl,
				executing: this.jobs.executing(account.email).length,
			})),
			jobs: this.jobs.all().map((job) => ({ ...jobRecord(job, this.baseUrl), tracked: job.tracked, cost: job.cost, renderMs: job.renderMs, finishedAt: job.finishedAt?.toISOString() })),
			uploads: this.uploads.count(),
			faults: this.faults.list(),
		};
	}

	close(): void {
		this.jobs.clear();
		this.webhooks.close();
	}

	private finished(job: Job): void {
		if (job.status !== 1) {
			const account = this.accounts.get(job.email);
			if (account) account.credits += job.cost;
		}
		this.notify(job);
	}

	/** Webhook for a state change, while useapi still tracks the job. */
	private notify(job: Job): void {
		if (job.tracked && job.replyUrl) this.webhooks.send(job.replyUrl, jobRecord(job, this.baseUrl), jobSummary(job));
	}
}
