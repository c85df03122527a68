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
	/** What it shows: the README's caption. */
	caption: string;
	take(editor: N8nEditor, path: string): Promise<void>;
}

const textToVideo = () => exampleNode('text-to-video', PIXVERSE);

async function openTextToVideoNode(editor: N8nEditor): Promise<void> {
	const { workflowId, nodeName } = textToVideo();
	await editor.openWorkflow(workflowId);
	await editor.openNode(nodeName);
}

export const SHOTS: Shot[] = [
	{
		file: 'node-picker.png',
		caption: 'The node picker, searched for PixVerse',
		async take(editor, path) {
			await editor.openWorkflow(textToVideo().workflowId);
			await editor.searchNodePicker('PixVerse');
			await editor.screenshot(path);
		},
	},
	{
		file: 'video-create-v6.png',
		caption: 'Video > Create with PixVerse V6',
		async take(editor, path) {
			await openTextToVideoNode(editor);
			await editor.selectOption('model', 'PixVerse V6');
			await editor.screenshot(path);
		},
	},
	{
		file: 'video-create-seedance.png',
		caption: 'The same form with Seedance 2.0',
		async take(editor, path) {
			await openTextToVideoNode(editor);
			await editor.selectOption('model', 'Seedance 2.0');
			await editor.screenshot(path);
		},
	},
	{
		file: 'finished-video.png',
		caption: 'A finished video: the MP4 in the output, playing in n8n’s viewer',
		async take(editor, path) {
			await openTextToVideoNode(editor);
			// The editor saves changes as they are made: the example gets its own model back.
			await editor.selectOption('model', 'PixVerse V6');
			await editor.executeOpenNode();
			await editor.viewOutputVideo();
			await editor.screenshot(path);
		},
	},
	{
		file: 'error-before-sending.png',
		caption: 'An invalid combination, refused before any request is sent',
		async take(editor, path) {
			const { workflowId, nodeName } = exampleNode('invalid-combination', PIXVERSE);
			await editor.openWorkflow(workflowId);
			await editor.openNode(nodeName);
			await editor.executeOpenNode();
			await editor.waitForOutputError();
			await editor.screenshot(path);
		},
	},
	{
		file: 'trigger-panel.png',
		caption: 'The PixVerse Trigger',
		async take(editor, path) {
			const { workflowId, nodeName } = exampleNode('on-video-finished', PIXVERSE_TRIGGER);
			await editor.openWorkflow(workflowId);
			await editor.openNode(nodeName);
			await editor.screenshot(path);
		},
	},
];

export interface ScreenshotOptions {
	/** n8n's editor, with the examples imported and the simulator credential pointing at a simulator. */
	baseUrl: string;
	email: string;
	password: string;
	outputFolder: string;
	chromiumPath: string;
	say?: (line: string) => void;
}

/** Takes every shot into `outputFolder`; returns the files written. */
export async function takeScreenshots(options: ScreenshotOptions): Promise<string[]> {
	mkdirSync(options.outputFolder, { recursive: true });
	const browser = await launchChromium(options.chromiumPath);
	try {
		const page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 800 });
		const editor = new N8nEditor(page, options.baseUrl);
		await editor.signIn(options.email, options.password);
		const written: string[] = [];
		for (const shot of SHOTS) {
			const path = join(options.outputFolder, shot.file);
			options.say?.(`${shot.file}: ${shot.caption}`);
			await shot.take(editor, path);
			written.push(path);
		}
		return written;
	} finally {
		await browser.close();
	}
}
