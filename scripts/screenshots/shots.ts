import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './chromium';
import { N8nEditor } from './editor';

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
const PIXVERSE = 'n8n-nodes-useapi-pixverse.pixVerse';
const PIXVERSE_TRIGGER = 'n8n-nodes-useapi-pixverse.pixVerseTrigger';

interface ExampleWorkflow {
	id: string;
	nodes: Array<{ name: string; type: string }>;
}

/** The example workflow `name` (examples/<name>.json) and the name of its first node of `type`. */
export function exampleNode(name: string, type: string): { workflowId: string; nodeName: string } {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8')) as ExampleWorkflow;
	const node = workflow.nodes.find((candidate) => candidate.type === type);
	if (!node) throw new Error(`examples/${name}.json has no ${type} node`);
	return { workflowId: workflow.id, nodeName: node.name };
}

/** The examples the screenshots open; `npm start` imports them all. */
export const SCREENSHOT_EXAMPLES = ['text-to-video', 'invalid-combination', 'on-video-finished'];

export interface Shot {
	file: string;
	/** What it shows: the caption in docs/. */
	caption: string;
}

/** One visit to the editor that takes one or more shots, in order, through `capture`. */
interface Scene {
	shots: Shot[];
	take(editor: N8nEditor, capture: (file: string) => Promise<void>): Promise<void>;
}

const textToVideo = () => exampleNode('text-to-video', PIXVERSE);

async function openTextToVideoNode(editor: N8nEditor): Promise<void> {
	const { workflowId, nodeName } = textToVideo();
	await editor.openWorkflow(workflowId);
	await editor.openNode(nodeName);
}

/** The form of Video → Create with `model`, from the model dropdown down. */
async function showModelFields(editor: N8nEditor, model: string): Promise<void> {
	await openTextToVideoNode(editor);
	await editor.selectOption('model', model);
	await editor.scrollFormTo('model');
	await editor.restPointer();
}

const SCENES: Scene[] = [
	{
		shots: [{ file: 'node-picker.png', caption: 'The node picker, searched for PixVerse' }],
		async take(editor, capture) {
			await editor.openWorkflow(textToVideo().workflowId);
			await editor.searchNodePicker('PixVerse');
			await capture('node-picker.png');
		},
	},
	{
		shots: [
			{
				file: 'video-create-models.png',
				caption:
					'The Model dropdown of Video → Create: under each model its qualities and durations (PixVerse V6 up to 15 s, the V5 models up to 10 s and 8 s at 1080p)',
			},
		],
		async take(editor, capture) {
			await openTextToVideoNode(editor);
			await editor.scrollFormTo('model');
			await editor.openDropdown('model');
			await capture('video-create-models.png');
		},
	},
	{
		shots: [
			{
				file: 'video-create-veo.png',
				caption:
					'Video → Create with Veo 3.1 Fast: Quality, Duration (8 s by default) and Aspect Ratio, then a note that this model always generates audio, and none of Generate Audio, Multi-Shot, Preview Mode, Off-Peak Mode and Seed',
			},
		],
		async take(editor, capture) {
			await showModelFields(editor, 'Veo 3.1 Fast');
			await capture('video-create-veo.png');
		},
	},
	{
		shots: [
			{
				file: 'video-create-v6.png',
				caption:
					'The same form with PixVerse V6: Duration 5 s by default, and the fields Veo 3.1 Fast does not have: Generate Audio, Multi-Shot, Preview Mode, Off-Peak Mode and Seed',
			},
		],
		async take(editor, capture) {
			// Last, so the example keeps its own model: the editor saves a change as it is made.
			await showModelFields(editor, 'PixVerse V6');
			await capture('video-create-v6.png');
		},
	},
	{
		shots: [
			{
				file: 'finished-video-output.png',
				caption: 'A finished run of Video → Create: the output item as JSON, with the video’s id, status COMPLETED, its size and its settings',
			},
			{ file: 'finished-video.png', caption: 'The same run’s MP4 in the output’s binary view, in n8n’s player' },
		],
		async take(editor, capture) {
			await openTextToVideoNode(editor);
			await editor.executeOpenNode();
			await editor.widenOutputPanel();
			await editor.showOutputAs('json');
			await editor.restPointer();
			await capture('finished-video-output.png');
			await editor.viewOutputVideo();
			await editor.restPointer();
			await capture('finished-video.png');
		},
	},
	{
		shots: [{ file: 'error-before-sending.png', caption: 'An invalid combination, refused before any request is sent' }],
		async take(editor, capture) {
			const { workflowId, nodeName } = exampleNode('invalid-combination', PIXVERSE);
			await editor.openWorkflow(workflowId);
			await editor.openNode(nodeName);
			await editor.executeOpenNode();
			await editor.waitForOutputError();
			await capture('error-before-sending.png');
		},
	},
	{
		shots: [{ file: 'trigger-panel.png', caption: 'The PixVerse Trigger, with its Production URL shown under Webhook URLs' }],
		async take(editor, capture) {
			const { workflowId, nodeName } = exampleNode('on-video-finished', PIXVERSE_TRIGGER);
			await editor.openWorkflow(workflowId);
			await editor.openNode(nodeName);
			await editor.openWebhookUrls('production');
			await editor.restPointer();
			await capture('trigger-panel.png');
		},
	},
	{
		shots: [{ file: 'credential.png', caption: 'The useapi.net API credential (here the simulator’s): the API Token shown as dots, the Base URL, and the connection test passed' }],
		async take(editor, capture) {
			await openTextToVideoNode(editor);
			await editor.openNodeCredential();
			await editor.restPointer();
			await capture('credential.png');
		},
	},
];

/** Every shot, in the order they are taken. */
export const SHOTS: Shot[] = SCENES.flatMap((scene) => scene.shots);

export interface ScreenshotOptions {
	/** n8n's editor, with the examples imported and the simulator credential pointing at a simulator. */
	baseUrl: string;
	email: string;
	password: string;
	outputFolder: string;
	chromiumPath: string;
	/** Only these files (names as in SHOTS); all when absent. */
	only?: string[];
	say?: (line: string) => void;
}

/** Takes every shot (or those named in `only`) into `outputFolder`; returns the files written. */
export async function takeScreenshots(options: ScreenshotOptions): Promise<string[]> {
	const only = options.only;
	const unknown = (only ?? []).filter((file) => !SHOTS.some((shot) => shot.file === file));
	if (unknown.length) throw new Error(`no such screenshot: ${unknown.join(', ')} (there are ${SHOTS.map((shot) => shot.file).join(', ')})`);
	const scenes = SCENES.filter((scene) => !only || scene.shots.some((shot) => only.includes(shot.file)));

	mkdirSync(options.outputFolder, { recursive: true });
	const browser = await launchChromium(options.chromiumPath);
	try {
		const page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 800 });
		const editor = new N8nEditor(page, options.baseUrl);
		await editor.signIn(options.email, options.password);
		const written: string[] = [];
		for (const scene of scenes) {
			const taken: string[] = [];
			await editor.forgetPanelLayout();
			await scene.take(editor, async (file) => {
				const shot = scene.shots.find((candidate) => candidate.file === file);
				if (!shot || taken.includes(file)) throw new Error(`${file} is not a shot of this scene, or taken twice`);
				taken.push(file);
				if (only && !only.includes(file)) return;
				const path = join(options.outputFolder, file);
				options.say?.(`${file}: ${shot.caption}`);
				await editor.screenshot(path);
				written.push(path);
			});
			const missed = scene.shots.filter((shot) => !taken.includes(shot.file));
			if (missed.length) throw new Error(`not taken: ${missed.map((shot) => shot.file).join(', ')}`);
		}
		return written;
	} finally {
		await browser.close();
	}
}
