/** How many parked executions a process remembers the last decision of (oldest forgotten first). */
const REMEMBERED_EXECUTIONS = 1000;

const lastDecision = new Map<string, Promise<boolean>>();

export interface CallbackTurn {
	/** Whether an earlier callback already resumes the execution: nothing is left to do. */
	earlierResumed: boolean;
	/** Tells the next callback whether this one resumes the execution (only the first call counts). */
	decide(resuming: boolean): void;
}

/**
 * Callbacks to one parked execution (`key`: its resume token) take turns within one n8n process: the
 * final callbacks of a batch often arrive together; without turns each one would read and
 * download every video. Nothing depends on this for correctness: across processes (queue mode)
 * n8n itself lets only one call resume an execution. Call decide() on every path.
 */
export async function takeTurn(key: string): Promise<CallbackTurn> {
	const previous = lastDecision.get(key);
	let decide: (resuming: boolean) => void = () => undefined;
	const decision = new Promise<boolean>((resolve) => {
		decide = resolve;
	});
	lastDecision.delete(key);
	lastDecision.set(key, decision);
	for (const oldest of lastDecision.keys()) {
		if (lastDecision.size <= REMEMBERED_EXECUTIONS) break;
		lastDecision.delete(oldest);
	}
	return { earlierResumed: previous ? await previous : false, decide };
}
