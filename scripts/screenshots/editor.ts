import type { ElementHandle, Page } from 'puppeteer-core';

/** Long enough for a cold editor bundle and a simulated render; every wait is on a page condition. */
const TIMEOUT_MS = 60_000;

/**
 * What the functions run inside the page use of it. They are serialised and run in Chromium, where
 * these are the real globals; this project builds for Node, without the DOM types.
 */
interface PageElement {
	textContent: string | null;
	nodeType: number;
	childNodes: ArrayLike<PageElement>;
	offsetParent?: unknown;
	value?: string;
	readyState?: number;
	videoWidth?: number;
	querySelector(selector: string): PageElement | null;
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	click(): void;
}
declare const document: PageElement;
declare const location: { pathname: string };
declare const requestAnimationFrame: (callback: () => void) => void;
const TEXT_NODE = 3;

const testId = (id: string) => `[data-test-id="${id}"]`;
const NDV = testId('ndv');
const OUTPUT_PANEL = testId('output-panel');

/** The n8n editor in one Chromium page, driven through the same controls a user clicks. */
export class N8nEditor {
	constructor(
		private readonly page: Page,
		private readonly baseUrl: string,
	) {
		page.setDefaultTimeout(TIMEOUT_MS);
		// Leaving a workflow with unsaved changes asks first; the screenshots never save.
		page.on('dialog', (dialog) => void dialog.accept());
	}

	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.waitForSelector('input[name="emailOrLdapLoginId"]', { visible: true });
		await this.page.type('input[name="emailOrLdapLoginId"]', email);
		await this.page.type('input[name="password"]', password);
		await this.page.click(testId('form-submit-button'));
		await this.page.waitForFunction(() => !location.pathname.startsWith('/signin'));
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${encodeURIComponent(id)}`);
		await this.page.waitForSelector(testId('canvas-node'), { visible: true });
	}

	/** Opens the node's details view (its form) by double-clicking it on the canvas. */
	async openNode(name: string): Promise<void> {
		const node = await this.page.waitForSelector(`${testId('canvas-node')}[data-node-name="${name}"]`, { visible: true });
		await node!.click({ count: 2 });
		await this.page.waitForSelector(`${NDV} ${testId('node-parameters')}`, { visible: true });
	}

	/** The node picker, searched for `query`, once a result named like the query shows. */
	async searchNodePicker(query: string): Promise<void> {
		await this.clickWhenVisible(testId('node-creator-plus-button'));
		const search = `${testId('node-creator-search-bar')}`;
		await this.page.waitForSelector(search, { visible: true });
		await this.page.type(search, query);
		await this.page.waitForFunction(
			(itemName, text) => Array.from(document.querySelectorAll(itemName)).some((item) => item.textContent?.includes(text)),
			{},
			testId('node-creator-item-name'),
			query,
		);
	}

	/** Picks the option whose headline is exactly `label` in the dropdown of parameter `name`. */
	async selectOption(name: string, label: string): Promise<void> {
		await this.clickWhenVisible(`${NDV} ${testId(`parameter-input-${name}`)}`);
		const option = await this.page.waitForFunction(
			(text, textNode) =>
				Array.from(document.querySelectorAll('.el-select-dropdown__item')).find(
					(item) =>
						item.offsetParent !== null &&
						[item, ...Array.from(item.querySelectorAll('*'))].some((part) =>
							Array.from(part.childNodes).some((child) => child.nodeType === textNode && child.textContent?.trim() === text),
						),
				),
			{},
			label,
			TEXT_NODE,
		);
		// A click in the page's own DOM: a tooltip of the option above may cover the point a mouse would click.
		await (option as unknown as ElementHandle<PageElement>).evaluate((item) => item.click());
		const input = `${NDV} ${testId(`parameter-input-${name}`)} input`;
		await this.page.waitForFunction((selector, text) => document.querySelector(selector)?.value === text, {}, input, label).catch(async (error: Error) => {
			const shown = await this.page.evaluate((selector) => document.querySelector(selector)?.value, input);
			throw new Error(`${name}: chose "${label}", the field shows "${shown}" (${error.message})`);
		});
	}

	/** Runs the open node ("Execute step") and waits until its output or its error shows. */
	async executeOpenNode(): Promise<void> {
		await this.clickWhenVisible(`${NDV} ${testId('node-execute-button')}`);
		await this.page.waitForFunction(
			(panel) => {
				const output = document.querySelector(panel);
				return output !== null && output.querySelector('[data-test-id="ndv-data-container"], [data-test-id*="error"]') !== null;
			},
			{},
			OUTPUT_PANEL,
		);
	}

	/** Switches the output to its binary view and opens the first file in n8n's viewer, once it plays. */
	async viewOutputVideo(): Promise<void> {
		await this.clickWhenVisible(`${OUTPUT_PANEL} ${testId('radio-button-binary')}`);
		await this.clickWhenVisible(`${OUTPUT_PANEL} ${testId('ndv-view-binary-data')}`);
		await this.page.waitForFunction(() => {
			const video = document.querySelector('video');
			return video !== null && (video.readyState ?? 0) >= 2 && (video.videoWidth ?? 0) > 0;
		});
	}

	async waitForOutputError(): Promise<void> {
		await this.page.waitForSelector(`${OUTPUT_PANEL} [data-test-id*="error"]`, { visible: true });
	}

	private async clickWhenVisible(selector: string): Promise<void> {
		const element = await this.page.waitForSelector(selector, { visible: true });
		await element!.click();
	}

	async screenshot(path: string): Promise<void> {
		// Let the last layout change reach the screen before it is captured.
		await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		await this.page.screenshot({ path, type: 'png' });
	}
}
