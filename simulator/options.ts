/** Everything that shapes the simulator's behaviour, with the defaults used when a knob is left out. */

export interface SimulatorAccount {
	email: string;
	maxJobs: number;
	credits: number;
	/** Default webhook for jobs of this account that carry no replyUrl of their own. */
	replyUrl?: string;
}

export interface WebhookOptions {
	/** Also POST non-final records (QUEUED at submit, GENERATING when rendering starts). */
	progress?: boolean;
	/** Extra copies of every final delivery (0 = delivered once). */
	duplicates?: number;
	/** Record deliveries as dropped instead of sending them. */
	drop?: boolean;
	/** Wait this long before each delivery. */
	delayMs?: number;
	/** Hold each job's progress updates until its final delivery is answered, then send them (out of order). */
	progressAfterFinal?: boolean;
	/** Keep every delivery until releaseCallbacks(), as a sender queues them while the receiver is down. */
	hold?: boolean;
	/** How long a delivery waits for the receiver's answer before it is recorded as failed. */
	timeoutMs?: number;
}

/** Case-insensitive substrings looked for in every prompt-like field of a generation request. */
export interface ModerationMarkers {
	/** 422 at submit, nothing charged. */
	reject: string[];
	/** The job ends MODERATED (video_status 7). */
	moderate: string[];
	/** The job ends FAILED (video_status 8). */
	fail: string[];
}

export interface SimulatorOptions {
	/** 0 = random free port. Default 4010 from the CLI, 0 from startSimulator. */
	port?: number;
	/** Interface to bind, default 127.0.0.1. */
	host?: string;
	/** Accepted Bearer tokens. */
	tokens?: string[];
	accounts?: SimulatorAccount[];
	/** Time from accepted to final state. QUEUED for the first 10 %, then GENERATING. */
	renderMs?: number;
	/** Same for jobs submitted with off_peak_mode; default 10 x renderMs. */
	offPeakRenderMs?: number;
	/** Spread of render times: each job takes a time drawn uniformly within ±renderJitter (0.4 = ±40 %) of its nominal one. Default 0. */
	renderJitter?: number;
	/** Seed of the jittered render times: the same seed gives the same sequence. Default 1. */
	renderSeed?: number;
	/** How GET /videos/{id} answers while the job is not final. */
	pendingGet?: '404' | '200';
	/** Size in bytes of every rendered MP4. */
	mp4Bytes?: number;
	webhook?: WebhookOptions;
	moderation?: Partial<ModerationMarkers>;
}

export interface ResolvedOptions {
	port: number;
	host: string;
	tokens: string[];
	accounts: SimulatorAccount[];
	renderMs: number;
	offPeakRenderMs: number | undefined;
	renderJitter: number;
	renderSeed: number;
	pendingGet: '404' | '200';
	mp4Bytes: number;
	webhook: Required<WebhookOptions>;
	moderation: ModerationMarkers;
}

export const DEFAULT_TOKEN = 'sim-token';
export const DEFAULT_CLI_PORT = 4010;
/** Credits given to an account added later through POST /accounts/{email}. */
export const NEW_ACCOUNT_CREDITS = 100000;

export function defaultOptions(): ResolvedOptions {
	return {
		port: 0,
		host: '127.0.0.1',
		tokens: [DEFAULT_TOKEN],
		accounts: [{ email: 'demo@example.com', maxJobs: 8, credits: 100000 }],
		renderMs: 2000,
		offPeakRenderMs: undefined,
		renderJitter: 0,
		renderSeed: 1,
		pendingGet: '404',
		mp4Bytes: 262144,
		webhook: { progress: false, duplicates: 0, drop: false, delayMs: 0, progressAfterFinal: false, hold: false, timeoutMs: 10_000 },
		moderation: { reject: ['[reject]'], moderate: ['[moderate]'], fail: ['[fail]'] },
	};
}

/** Applies a partial patch on top of resolved options; nested groups merge field by field. */
export function mergeOptions(base: ResolvedOptions, patch: SimulatorOptions = {}): ResolvedOptions {
	const defined = Object.fromEntries(
		Object.entries(patch).filter(([, value]) => value !== undefined),
	) as SimulatorOptions;
	return {
		...base,
		...defined,
		accounts: (defined.accounts ?? base.accounts).map((account) => ({ ...account })),
		tokens: [...(defined.tokens ?? base.tokens)],
		offPeakRenderMs: 'offPeakRenderMs' in patch ? patch.offPeakRenderMs : base.offPeakRenderMs,
		webhook: { ...base.webhook, ...definedFields(defined.webhook) },
		moderation: { ...base.moderation, ...definedFields(defined.moderation) },
	};
}

export function offPeakRenderMs(options: ResolvedOptions): number {
	return options.offPeakRenderMs ?? options.renderMs * 10;
}

function definedFields<T extends object>(value: T | undefined): Partial<T> {
	if (!value) return {};
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
