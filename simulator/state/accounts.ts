import type { SimulatorAccount } from '../options';

export interface Account {
	email: string;
	maxJobs: number;
	credits: number;
	replyUrl?: string;
	/** PixVerse's numeric account id, shown in the jwt block and on every video. */
	accountId: number;
	addedAt: Date;
}

const SECURED = '…secured…';
const SESSION_DAYS = 30;

/** The configured PixVerse accounts, keyed by email. */
export class Accounts {
	private byEmail = new Map<string, Account>();
	private nextAccountId = 100001;

	load(accounts: SimulatorAccount[]): void {
		this.byEmail.clear();
		for (const account of accounts) this.put({ ...account });
	}

	list(): Account[] {
		return [...this.byEmail.values()];
	}

	get(email: string): Account | undefined {
		return this.byEmail.get(email.toLowerCase());
	}

	/** Adds the account, or updates maxJobs of an existing one (credits and history are kept). */
	upsert(email: string, maxJobs: number, credits: number): Account {
		const existing = this.get(email);
		if (existing) {
			existing.maxJobs = maxJobs;
			return existing;
		}
		return this.put({ email, maxJobs, credits });
	}

	remove(email: string): boolean {
		return this.byEmail.delete(email.toLowerCase());
	}

	private put(account: SimulatorAccount): Account {
		const stored: Account = { ...account, accountId: this.nextAccountId++, addedAt: new Date() };
		this.byEmail.set(account.email.toLowerCase(), stored);
		return stored;
	}
}

/** The account as GET /accounts shows it: secrets replaced, session details in `jwt`. */
export function describeAccount(account: Account): Record<string, unknown> {
	const expires = new Date(account.addedAt.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
	return {
		email: account.email,
		password: SECURED,
		maxJobs: account.maxJobs,
		jwt: {
			AccountId: account.accountId,
			ExpireTime: Math.floor(expires.getTime() / 1000),
			ExpireTimeUTC: expires.toISOString(),
			Username: account.email.split('@')[0],
			token: SECURED,
		},
	};
}
