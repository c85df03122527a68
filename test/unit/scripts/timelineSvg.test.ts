import type { CallbackRecord, LogEntry } from '../../../simulator';
import { assignLanes, type BatchTimeline, peakRunning, timelineFrom, type TimelineVideo } from '../../../scripts/bench/timeline';
import { escapeXml, tickStep, timelineSvg, type TimelineFigure } from '../../../scripts/bench/timelineSvg';

/** A deterministic batch: `count` videos on `slots` slots, each submitted when a slot frees (after a small delay). */
function batchOf(count: number, slots: number, seed: number): TimelineVideo[] {
	let state = seed;
	const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
	const freeAt = Array<number>(slots).fill(0);
	return Array.from({ length: count }, (_, index) => {
		freeAt.sort((a, b) => a - b);
		const submittedMs = freeAt[0] + Math.round(random() * 800);
		const endMs = submittedMs + 2000 + Math.round(random() * 4000);
		freeAt[0] = endMs;
		return { number: index + 1, submittedMs, endMs, seenMs: endMs + Math.round(random() * 1000) };
	});
}

const overlaps = (a: TimelineVideo, b: TimelineVideo) => a.submittedMs < b.endMs && b.submittedMs < a.endMs;

describe('assignLanes: which slot each video held', () => {
	it.each([
		[24, 8, 7],
		[10, 3, 11],
		[40, 5, 3],
		[5, 8, 1],
	])('%i videos on %i slots (seed %i): no two overlapping videos share a lane, and no more lanes than the peak', (count, slots, seed) => {
		const videos = batchOf(count, slots, seed);
		const lanes = assignLanes(videos);
		expect(lanes).toHaveLength(count);
		for (let a = 0; a < count; a++) {
			for (let b = a + 1; b < count; b++) if (lanes[a] === lanes[b]) expect(overlaps(videos[a], videos[b])).toBe(false);
		}
		const peak = peakRunning(videos);
		expect(peak).toBeLessThanOrEqual(slots);
		expect(Math.max(...lanes) + 1).toBe(peak);
		expect(Math.min(...lanes)).toBe(0);
	});

	it('reuses a lane freed at the very moment the next video starts, and takes the lowest free lane', () => {
		const videos = [
			{ submittedMs: 0, endMs: 1000 },
			{ submittedMs: 100, endMs: 3000 },
			{ submittedMs: 1000, endMs: 2000 },
			{ submittedMs: 2500, endMs: 4000 },
		];
		expect(assignLanes(videos)).toEqual([0, 1, 0, 0]);
		expect(peakRunning(videos)).toBe(2);
	});

	it('answers in the order given, whatever order the videos come in', () => {
		const videos = batchOf(12, 4, 5);
		const reversed = [...videos].reverse();
		expect(assignLanes(reversed)).toEqual([...assignLanes(videos)].reverse());
		expect(assignLanes([])).toEqual([]);
	});
});

describe('timelineFrom: the simulator’s records of one batch', () => {
	const start = Date.parse('2026-12-05T10:00:00.000Z');
	const iso = (ms: number) => new Date(start + ms).toISOString();
	const id = (n: number) => `user:1-pixverse:bench1@example.com-video:${n}`;
	const entry = (seq: number, ms: number, method: string, path: string, status: number): LogEntry => ({ seq, time: iso(ms), method, path, status, bodyBytes: 0, authorized: true });
	const callback = (ms: number, videoId: string, final: boolean): CallbackRecord => ({ seq: 1, time: iso(ms), url: 'http://n8n/resume', videoId, videoStatusName: final ? 'COMPLETED' : 'GENERATING', final, copy: 1, status: 200, payload: {} });

	it('orders the videos by acceptance, ends each at acceptance + render time, and finds the 429s and when the node learned of each end', () => {
		const timeline = timelineFrom(
			{
				jobs: [
					{ video_id: id(8), created_at: iso(1500), renderMs: 3000 },
					{ video_id: id(7), created_at: iso(200), renderMs: 5000 },
				],
				log: [
					entry(1, 200, 'POST', '/v2/pixverse/videos/create-v6', 200),
					entry(2, 900, 'POST', '/v2/pixverse/videos/create-v6', 429),
					entry(3, 1500, 'POST', '/v2/pixverse/videos/create-v6', 200),
					entry(4, 4000, 'GET', `/v2/pixverse/videos/${encodeURIComponent(id(8))}`, 200),
					entry(5, 5600, 'GET', `/v2/pixverse/videos/${encodeURIComponent(id(7))}`, 200),
					entry(6, 6100, 'GET', `/v2/pixverse/videos/${encodeURIComponent(id(7))}`, 200),
				],
				callbacks: [callback(4700, id(8), true), callback(4200, id(8), false)],
			},
			{ slots: 8, startMs: start, endMs: start + 7000, limitMs: 6000 },
		);
		expect(timeline).toEqual<BatchTimeline>({
			slots: 8,
			endMs: 7000,
			limitMs: 6000,
			busyMs: [900],
			videos: [
				{ number: 1, submittedMs: 200, endMs: 5200, seenMs: 5600 },
				{ number: 2, submittedMs: 1500, endMs: 4500, seenMs: 4700 },
			],
		});
	});

	it('ends a video when the simulator says its slot freed, if it says so', () => {
		const timeline = timelineFrom(
			{ jobs: [{ video_id: id(9), created_at: iso(100), renderMs: 3000, finishedAt: iso(3250) }], log: [], callbacks: [] },
			{ slots: 1, startMs: start, endMs: start + 4000, limitMs: 3000 },
		);
		expect(timeline.videos).toEqual([{ number: 1, submittedMs: 100, endMs: 3250 }]);
		expect(timeline.busyMs).toEqual([]);
	});
});

/** Checks that `xml` is one well-formed element tree: tags balance, attributes are quoted, `&` only starts an entity. */
function wellFormedProblems(xml: string): string[] {
	const problems: string[] = [];
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack: string[] = [];
	let roots = 0;
	for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g)) {
		if (match[0] === '<') problems.push(`a bare "<" at ${match.index}`);
		else if (match[0] === '&') problems.push(`a bare "&" at ${match.index}`);
		else if (match[1]) {
			if (stack.pop() !== match[2]) problems.push(`</${match[2]}> closes nothing open at ${match.index}`);
		} else {
			if (stack.length === 0) roots++;
			if (!match[4]) stack.push(match[2]);
		}
	}
	if (stack.length) problems.push(`left open: ${stack.join(', ')}`);
	if (roots !== 1) problems.push(`${roots} root elements`);
	return problems;
}

describe('timelineSvg', () => {
	const poll = batchOf(24, 8, 7);
	const callbackMode = batchOf(24, 8, 9);
	const figure: TimelineFigure = {
		title: 'One batch of 24 videos on one account with 8 slots, in each wait mode',
		subtitle: 'Renders of 5 s ±40 % & a <test> "subtitle"',
		panels: [
			{ title: 'Poll Until Done', timeline: { slots: 8, endMs: 19_800, limitMs: 15_000, videos: poll, busyMs: [400, 650, 900] } },
			{ title: 'Resume When PixVerse Calls Back', timeline: { slots: 8, endMs: 19_400, limitMs: 15_000, videos: callbackMode, busyMs: [500] } },
		],
	};
	const svg = timelineSvg(figure);

	it('the well-formedness check finds what breaks XML', () => {
		expect(wellFormedProblems('<svg><g></svg>')).not.toEqual([]);
		expect(wellFormedProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
		expect(wellFormedProblems('<svg><text>a < b</text></svg>')).not.toEqual([]);
		expect(wellFormedProblems('<svg x=1></svg>')).not.toEqual([]);
		expect(wellFormedProblems('<svg/><svg/>')).not.toEqual([]);
		expect(wellFormedProblems('<svg><g a="1"><line/></g><text>a &amp; b</text></svg>')).toEqual([]);
	});

	it('is a well-formed SVG document with a title and a description', () => {
		expect(wellFormedProblems(svg)).toEqual([]);
		expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /);
		expect(svg).toContain('role="img"');
		expect(svg).toContain(`<title id="timeline-title">${escapeXml(figure.title)}</title>`);
		expect(svg).toMatch(/<desc id="timeline-desc">[^<]*Poll Until Done: 24 videos on 8 slots[^<]*<\/desc>/);
		expect(svg).toContain('Renders of 5 s ±40 % &amp; a &lt;test&gt; &quot;subtitle&quot;');
	});

	it('draws one bar per video, each with its own <title>, and a 429 mark per busy answer', () => {
		expect(svg.match(/<g class="video"><title>Video \d+: slot \d+, submitted at/g)).toHaveLength(48);
		expect(svg).toContain('<title>3 submissions answered 429 (all slots busy)</title>');
		const busyMarks = svg.split('<title>3 submissions answered 429')[1].split('</g>')[0].match(/<line /g);
		expect(busyMarks).toHaveLength(3);
	});

	it('draws the limit line of each panel, a lane label per slot, the legend and a time axis in seconds', () => {
		expect(svg.match(/<line [^>]*class="limit"/g)).toHaveLength(2);
		expect(svg.match(/>maxJobs 8</g)).toHaveLength(2);
		for (let slot = 1; slot <= 8; slot++) expect(svg.match(new RegExp(`>slot ${slot}<`, 'g'))).toHaveLength(2);
		expect(svg.match(/>seconds since the node got its items</g)).toHaveLength(2);
		// Ticks every 2 s up to 20 s: both panels on one scale.
		for (const second of [0, 2, 10, 20]) expect(svg.match(new RegExp(`fill="#666" text-anchor="middle">${second}</text>`, 'g'))).toHaveLength(2);
		expect(svg).toContain('>limit 15.0 s<');
		expect(svg).toContain('>done 19.8 s<');
		expect(svg).toContain('the account&apos;s limit (maxJobs)');
		expect(svg).toContain('a submission answered 429 (slots busy)');
	});

	it('draws more lanes than slots only if the videos overran the limit, and then the line shows it', () => {
		const overrun = [0, 1, 2].map((index) => ({ number: index + 1, submittedMs: 100 * index, endMs: 5000 }));
		const drawn = timelineSvg({ ...figure, panels: [{ title: 'Overrun', timeline: { slots: 2, endMs: 5000, limitMs: 10_000, videos: overrun, busyMs: [] } }] });
		expect(wellFormedProblems(drawn)).toEqual([]);
		expect(drawn).toContain('>slot 3<');
		expect(drawn).toContain('at most 3 running at once');
		expect(drawn).toContain('>maxJobs 2<');
	});
});

describe('tickStep', () => {
	it.each([
		[20_000, 2000],
		[70_000, 10_000],
		[14_000, 2000],
		[3000, 500],
	])('over %i ms: a tick every %i ms', (span, step) => {
		expect(tickStep(span)).toBe(step);
	});
});
