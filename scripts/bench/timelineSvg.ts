import { assignLanes, type BatchTimeline, peakRunning } from './timeline';

/** One batch and its heading (e.g. the wait mode). */
export interface TimelinePanel {
	title: string;
	timeline: BatchTimeline;
}

/** The whole picture: a heading, a legend, then one panel per batch, all on one time scale. */
export interface TimelineFigure {
	title: string;
	/** A line under the heading (what was run). */
	subtitle: string;
	panels: TimelinePanel[];
}

const WIDTH = 1000;
const LEFT = 84;
const RIGHT = 24;
const LANE = 22;
const LANE_GAP = 4;
const BUSY_ROW = 16;
/** Where each legend column starts, from LEFT. */
const LEGEND_COLUMNS = [0, 450];
const LEGEND_ROWS = 3;
const COLORS = { bar: ['#3b78c3', '#6ea3dd'], seen: '#1b3a5c', busy: '#d4461f', limitLine: '#d4461f', limitTime: '#888', end: '#222', grid: '#e4e4e4', text: '#222', muted: '#666' };
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

/** Text made safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const num = (value: number) => String(Math.round(value * 10) / 10);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function text(x: number, y: number, content: string, attributes = ''): string {
	return `<text x="${num(x)}" y="${num(y)}" ${attributes}>${escapeXml(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, attributes: string): string {
	return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" ${attributes}/>`;
}

/** A step of 1, 2 or 5 × 10^n seconds giving about `count` ticks over `spanMs`. */
export function tickStep(spanMs: number, count = 10): number {
	const raw = spanMs / 1000 / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? 10 * power;
	return Math.round(step * 1000);
}

function legend(y: number): string[] {
	const items: Array<[string, string]> = [
		[`<rect x="0" y="-9" width="26" height="12" rx="2" fill="${COLORS.bar[0]}"/>`, 'a video (numbered in order sent): submitted → render end'],
		[`${line(0, -3, 26, -3, `stroke="${COLORS.seen}" stroke-width="2"`)}${line(26, -8, 26, 2, `stroke="${COLORS.seen}" stroke-width="2"`)}`, 'until the node had it (status check, or callback answered)'],
		[line(13, -10, 13, 4, `stroke="${COLORS.busy}" stroke-width="2"`), 'a submission answered 429 (slots busy)'],
		[line(0, -3, 26, -3, `stroke="${COLORS.limitLine}" stroke-width="2" stroke-dasharray="6 3"`), "the account's limit (maxJobs)"],
		[line(13, -10, 13, 4, `stroke="${COLORS.limitTime}" stroke-width="2" stroke-dasharray="3 3"`), 'limit: ceil(videos / slots) × render time'],
		[line(13, -10, 13, 4, `stroke="${COLORS.end}" stroke-width="2"`), 'the node handed on its output'],
	];
	return items.map(([mark, label], index) => {
		const x = LEFT + LEGEND_COLUMNS[index % LEGEND_COLUMNS.length];
		const rowY = y + Math.floor(index / LEGEND_COLUMNS.length) * 18;
		return `<g transform="translate(${num(x)} ${num(rowY)})">${mark}${text(34, 0, label, `font-size="12" fill="${COLORS.text}"`)}</g>`;
	});
}

/** One batch: a row of 429 marks, a lane per slot with a bar per video, the limit line and the time axis. */
function panel({ title, timeline: batch }: TimelinePanel, top: number, scaleMs: number, stepMs: number): { svg: string[]; height: number } {
	const plotWidth = WIDTH - LEFT - RIGHT;
	const x = (ms: number) => LEFT + (Math.max(0, ms) / scaleMs) * plotWidth;
	const laneOf = assignLanes(batch.videos);
	const peak = peakRunning(batch.videos);
	const lanes = Math.max(batch.slots, peak, 1);
	const heading = `${title}: ${batch.videos.length} videos, done after ${secs(batch.endMs)}, at most ${peak} running at once, ${batch.busyMs.length} busy answers`;
	const svg: string[] = [text(LEFT, top + 14, heading, `font-size="14" font-weight="600" fill="${COLORS.text}"`)];
	const busyTop = top + 40;
	const lanesTop = busyTop + BUSY_ROW + 18;
	const laneY = (lane: number) => lanesTop + (lanes - 1 - lane) * (LANE + LANE_GAP);
	const plotBottom = lanesTop + lanes * (LANE + LANE_GAP) - LANE_GAP;
	const marker = (at: number, side: 'start' | 'end', label: string, stroke: string, color: string) => {
		const anchor = side === 'start' && at > WIDTH - RIGHT - 90 ? 'end' : side === 'end' && at < LEFT + 90 ? 'start' : side;
		return [line(at, busyTop - 14, at, plotBottom, stroke), text(at + (anchor === 'start' ? 4 : -4), busyTop - 4, label, `font-size="11" fill="${color}" text-anchor="${anchor}"`)];
	};

	for (let ms = 0; ms <= scaleMs + 1; ms += stepMs) {
		svg.push(line(x(ms), busyTop, x(ms), plotBottom, `stroke="${COLORS.grid}"`));
		svg.push(line(x(ms), plotBottom, x(ms), plotBottom + 5, `stroke="${COLORS.muted}"`));
		svg.push(text(x(ms), plotBottom + 18, String(ms / 1000), `font-size="11" fill="${COLORS.muted}" text-anchor="middle"`));
	}
	svg.push(line(LEFT, plotBottom, WIDTH - RIGHT, plotBottom, `stroke="${COLORS.muted}"`));
	svg.push(text(WIDTH - RIGHT, plotBottom + 34, 'seconds since the node got its items', `font-size="11" fill="${COLORS.muted}" text-anchor="end"`));

	svg.push(text(LEFT - 8, busyTop + 12, '429s', `font-size="11" fill="${COLORS.busy}" text-anchor="end"`));
	svg.push(`<g stroke="${COLORS.busy}" stroke-width="1.5"><title>${batch.busyMs.length} submissions answered 429 (all slots busy)</title>`);
	for (const ms of batch.busyMs) svg.push(line(x(ms), busyTop + 1, x(ms), busyTop + BUSY_ROW - 1, ''));
	svg.push('</g>');

	for (let lane = 0; lane < lanes; lane++) {
		svg.push(text(LEFT - 8, laneY(lane) + LANE / 2 + 4, `slot ${lane + 1}`, `font-size="11" fill="${COLORS.muted}" text-anchor="end"`));
	}
	const inLane = Array<number>(lanes).fill(0);
	batch.videos.forEach((video, index) => {
		const y = laneY(laneOf[index]);
		const color = COLORS.bar[inLane[laneOf[index]]++ % 2];
		const left = x(video.submittedMs);
		const width = Math.max(1, x(video.endMs) - left);
		const seen = video.seenMs === undefined ? '' : `, the node had it at ${secs(video.seenMs)} (a status check, or n8n's answer to the callback)`;
		const label = `Video ${video.number}: slot ${laneOf[index] + 1}, submitted at ${secs(video.submittedMs)}, render ended at ${secs(video.endMs)}${seen}`;
		svg.push(`<g class="video"><title>${escapeXml(label)}</title>`);
		svg.push(`<rect x="${num(left)}" y="${num(y)}" width="${num(width)}" height="${LANE}" rx="3" fill="${color}" stroke="#fff"/>`);
		if (width >= 18) svg.push(text(left + width / 2, y + LANE / 2 + 4, String(video.number), 'font-size="11" fill="#fff" text-anchor="middle"'));
		if (video.seenMs !== undefined && x(video.seenMs) - x(video.endMs) >= 1) {
			const middle = y + LANE / 2;
			svg.push(line(x(video.endMs), middle, x(video.seenMs), middle, `stroke="${COLORS.seen}" stroke-width="2"`));
			svg.push(line(x(video.seenMs), middle - 5, x(video.seenMs), middle + 5, `stroke="${COLORS.seen}" stroke-width="2"`));
		}
		svg.push('</g>');
	});

	const limitY = laneY(batch.slots - 1) - LANE_GAP / 2;
	svg.push(line(LEFT, limitY, WIDTH - RIGHT, limitY, `class="limit" stroke="${COLORS.limitLine}" stroke-width="2" stroke-dasharray="6 3"`));
	svg.push(text(LEFT - 8, limitY - 1, `maxJobs ${batch.slots}`, `font-size="11" fill="${COLORS.limitLine}" text-anchor="end"`));
	// The limit and the node's end: lines across the plot, labelled above it on the side away from each other.
	const limitFirst = batch.limitMs <= batch.endMs;
	svg.push(...marker(x(batch.limitMs), limitFirst ? 'end' : 'start', `limit ${secs(batch.limitMs)}`, `stroke="${COLORS.limitTime}" stroke-width="2" stroke-dasharray="3 3"`, COLORS.muted));
	svg.push(...marker(x(batch.endMs), limitFirst ? 'start' : 'end', `done ${secs(batch.endMs)}`, `stroke="${COLORS.end}" stroke-width="2"`, COLORS.end));
	return { svg, height: plotBottom + 40 - top };
}

/** A plain-text account of the figure, for <desc> and screen readers. */
function description(figure: TimelineFigure): string {
	const parts = figure.panels.map(({ title, timeline: batch }) => {
		const waitedMs = batch.videos.reduce((sum, video) => sum + Math.max(0, (video.seenMs ?? video.endMs) - video.endMs), 0);
		return (
			`${title}: ${batch.videos.length} videos on ${batch.slots} slots, at most ${peakRunning(batch.videos)} running at once; ` +
			`the node finished after ${secs(batch.endMs)} against a limit of ${secs(batch.limitMs)}, with ${batch.busyMs.length} busy (429) answers; ` +
			`a finished video waited ${secs(waitedMs / Math.max(1, batch.videos.length))} on average before the node had it (a status check, or n8n's answer to its callback).`
		);
	});
	return `${figure.subtitle} Each lane is one of the account's slots; each bar, one video from its submission to the end of its render. ${parts.join(' ')}`;
}

/** The figure as a standalone SVG document. */
export function timelineSvg(figure: TimelineFigure): string {
	const latestMs = Math.max(1000, ...figure.panels.flatMap(({ timeline: batch }) => [batch.endMs, batch.limitMs, ...batch.videos.map((video) => video.seenMs ?? video.endMs)]));
	const stepMs = tickStep(latestMs);
	const scaleMs = Math.ceil(latestMs / stepMs) * stepMs;
	const body: string[] = [
		text(LEFT, 28, figure.title, `font-size="18" font-weight="700" fill="${COLORS.text}"`),
		text(LEFT, 48, figure.subtitle, `font-size="12" fill="${COLORS.muted}"`),
		...legend(76),
	];
	let top = 76 + LEGEND_ROWS * 18 + 12;
	for (const shown of figure.panels) {
		const drawn = panel(shown, top, scaleMs, stepMs);
		body.push(...drawn.svg);
		top += drawn.height + 16;
	}
	const height = Math.round(top);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="timeline-title timeline-desc" ${FONT}>`,
		`<title id="timeline-title">${escapeXml(figure.title)}</title>`,
		`<desc id="timeline-desc">${escapeXml(description(figure))}</desc>`,
		`<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
		...body,
		'</svg>',
		'',
	].join('\n');
}
