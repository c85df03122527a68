import { answeredIds } from '../../core/api/mediaKinds';
import type { AcceptedGeneration } from '../../core/api/results';
import type { VideoOutcome, VideoRecord } from '../../core/videoStatus';

/** What the generation runtime keeps of each job, shared by its batch, callback and output parts. */

/** A video the node started for an input item. */
export interface AcceptedJob extends AcceptedGeneration {
	itemIndex: number;
}

/** A video to bring out. Its item goes to `position` in the output, by default its input item's place. */
export interface WaitedJob extends AcceptedJob {
	position?: number;
}

export const placeOf = (job: WaitedJob): number => job.position ?? job.itemIndex;

export interface DownloadSettings {
	download: boolean;
	binaryProperty: string;
	maxBytes?: number;
}

export interface PolledVideo {
	outcome: VideoOutcome;
	record: VideoRecord;
	/** Set when the wait ended before the video was final. */
	timedOut: boolean;
	/** The last error seen while checking; the video id is kept either way. */
	lastError?: string;
}

export function submittedVideo(videoId: string): PolledVideo {
	return { outcome: 'pending', record: { video_id: videoId, video_status_name: 'SUBMITTED', video_status_final: false }, timedOut: false };
}

/** Every result a job made: its id, and the others its answer names (an image create with Image Count above 1). */
export function resultIdsOf(job: AcceptedJob): string[] {
	const ids = answeredIds(job.answer);
	return ids.includes(job.videoId) ? ids : [job.videoId, ...ids];
}

/**
 * One job per result, for the output: a job that made several results (images) gives its item's
 * place to the first and a place after the input's (from `firstFreePlace`) to each other one;
 * `inInputOrder` then puts those right after their item.
 */
export function oneJobPerResult(jobs: AcceptedJob[], firstFreePlace: number): { jobs: WaitedJob[]; extraPlaces: Map<number, number> } {
	const extraPlaces = new Map<number, number>();
	const perResult = jobs.flatMap((job): WaitedJob[] => {
		const [first, ...others] = resultIdsOf(job);
		if (!others.length) return [job];
		// Each result's job names that result alone.
		const answer = Object.fromEntries(Object.entries(job.answer).filter(([field]) => field !== 'success_ids'));
		return [
			{ ...job, videoId: first, answer },
			...others.map((videoId) => {
				const position = firstFreePlace + extraPlaces.size;
				extraPlaces.set(position, job.itemIndex);
				return { ...job, videoId, answer, position };
			}),
		];
	});
	return { jobs: perResult, extraPlaces };
}

/** The output with each extra result right after its input item's, in place (the same array object). */
export function inInputOrder<T>(output: T[], extraPlaces: Map<number, number>): T[] {
	if (!extraPlaces.size) return output;
	const inputCount = output.length - extraPlaces.size;
	const ordered = Array.from({ length: inputCount }, (_, itemIndex) => [output[itemIndex], ...[...extraPlaces].filter(([, item]) => item === itemIndex).map(([place]) => output[place])]).flat();
	output.splice(0, output.length, ...ordered);
	return output;
}
