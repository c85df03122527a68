import type { ElementHandle, Page } from 'puppeteer-core';

/** Long enough for a cold editor bundle; every wait is on a page condition. */
const TIMEOUT_MS = 60_000;
/** A run polls the simulator at the node's own interval: allow a few polls. */
const RUN_TIMEOUT_MS = 180_000;

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
	currentTime?: number;
	duration?: number;
	style?: Record<string, string>;
	querySelector(selector: string): PageElement | null;
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	closest(selector: string): PageElement | null;
	getAttribute(name: string): string | null;
	scrollIntoView(options: { block: 'start' }): void;
	muted?: boolean;
	play?(): Promise<void>;
	pause?(): void;
	ontimeupdate?: (() => void) | null;
	click(): void;
	blur?(): void;
	activeElement?: PageElement | null;
	getAnimations?(): Array<{ playState: string; effect: { getComputedTiming(): { iterations?: number } } | null }>;
}
declare const document: PageElement;
declare const location: { pathname: string };
declare const requestAnimationFrame: (callback: () => void) => void;
declare const localStorage: { length: number; key(index: number): string | null; removeItem(key: string): void };
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

	/**
	 * Forgets the node view's panel widths and display modes, which the editor keeps in local
	 * storage, so the next page opens with n8n's default layout.
	 */
	async forgetPanelLayout(): Promise<void> {
		await this.page.evaluate(() => {
			const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '');
			for (const key of keys.filter((name) => name.startsWith('N8N_NDV_'))) localStorage.removeItem(key);
		});
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

	/** Runs the open node ("Execute step") and waits until the run has ended: its output or its error shows. */
	async executeOpenNode(): Promise<void> {
		await this.clickWhenVisible(`${NDV} ${testId('node-execute-button')}`);
		await this.page.waitForFunction(
			(panel) => {
				const output = document.querySelector(panel);
				if (output === null || output.querySelector('[data-test-id="ndv-executing"]') !== null) return false;
				return output.querySelector('[data-test-id="node-run-status-success"], [data-test-id*="error"]') !== null;
			},
			{ timeout: RUN_TIMEOUT_MS },
			OUTPUT_PANEL,
		);
	}

	/** Drags the form to the left edge of the node's view, so the output panel takes most of its width. */
	async widenOutputPanel(): Promise<void> {
		const handle = await this.page.waitForSelector(`${NDV} ${testId('panel-drag-button')}`, { visible: true });
		const box = (await handle!.boundingBox())!;
		const y = box.y + box.height / 2;
		await this.page.mouse.move(box.x + box.width / 2, y);
		await this.page.mouse.down();
		await this.page.mouse.move(0, y, { steps: 10 });
		await this.page.mouse.up();
	}

	/** Shows the output as `mode`: schema, table, json or binary. */
	async showOutputAs(mode: 'schema' | 'table' | 'json' | 'binary'): Promise<void> {
		const button = `${OUTPUT_PANEL} ${testId(`radio-button-${mode}`)}`;
		await this.clickWhenVisible(button);
		await this.page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-checked') === 'true', {}, button);
	}

	/**
	 * Opens the first file of the binary output in n8n's viewer, once it plays, and stops it
	 * halfway, sized to the panel's width as a real 720p video would be (the simulator's clip is
	 * 128x72 pixels and would otherwise show at that size).
	 */
	async viewOutputVideo(): Promise<void> {
		await this.showOutputAs('binary');
		await this.clickWhenVisible(`${OUTPUT_PANEL} ${testId('ndv-view-binary-data')}`);
		const video = `${OUTPUT_PANEL} video`;
		await this.page.waitForFunction(
			(selector) => {
				const element = document.querySelector(selector);
				return element !== null && (element.readyState ?? 0) >= 2 && (element.videoWidth ?? 0) > 0;
			},
			{},
			video,
		);
		await this.page.$eval(video, async (element) => {
			const player = element as unknown as PageElement;
			player.style!.width = '100%';
			player.style!.height = 'auto';
			// n8n serves the file without byte ranges, so the player cannot seek: it plays to halfway instead.
			player.muted = true;
			const half = (player.duration ?? 0) / 2;
			await new Promise<void>((resolve) => {
				player.ontimeupdate = () => {
					if ((player.currentTime ?? 0) < half) return;
					player.ontimeupdate = null;
					player.pause!();
					resolve();
				};
				void player.play!();
			});
		});
	}

	/** Opens the dropdown of parameter `name` and leaves it open, the pointer off its options. */
	async openDropdown(name: string): Promise<void> {
		await this.clickWhenVisible(`${NDV} ${testId(`parameter-input-${name}`)}`);
		// Every select keeps its (hidden) list in the page: wait for one that shows.
		await this.page.waitForFunction(() =>
			Array.from(document.querySelectorAll('.el-select-dropdown__item')).some((item) => item.offsetParent !== null),
		);
		await this.page.mouse.move(640, 10);
	}

	/** Scrolls the node's form so the field `name` is at its top. */
	async scrollFormTo(name: string): Promise<void> {
		const input = `${NDV} ${testId(`parameter-input-${name}`)}`;
		await this.page.waitForSelector(input, { visible: true });
		await this.page.$eval(input, (element) => {
			const field = element as unknown as PageElement;
			(field.closest('[data-test-id="parameter-item"]') ?? field).scrollIntoView({ block: 'start' });
		});
	}

	/** Opens the trigger's "Webhook URLs" section and shows its `kind` URL. */
	async openWebhookUrls(kind: 'test' | 'production'): Promise<void> {
		await this.clickWhenVisible(`${NDV} .webhooks > .headline`);
		await this.clickWhenVisible(`${NDV} .webhooks ${testId(`radio-button-${kind}`)}`);
		await this.page.waitForFunction(
			(selector, marker) => document.querySelector(selector)?.textContent?.includes(marker) === true,
			{},
			`${NDV} .webhooks .webhook-url`,
			kind === 'test' ? '/webhook-test/' : '/webhook/',
		);
	}

	/** Opens the credential of the open node in n8n's credential dialog, once its connection test passed. */
	async openNodeCredential(): Promise<void> {
		await this.clickWhenVisible(`${NDV} ${testId('credential-edit-button')}`);
		await this.page.waitForSelector(`${testId('editCredential-modal')} ${testId('parameter-input-apiToken')}`, { visible: true });
		await this.page.waitForSelector(`${testId('editCredential-modal')} ${testId('credentials-config-container-test-success')}`, { visible: true });
	}

	/** Moves the pointer off the form, so no field shows its hover state. */
	async restPointer(): Promise<void> {
		await this.page.evaluate(() => document.activeElement?.blur?.());
		await this.page.mouse.move(640, 10);
	}

	async waitForOutputError(): Promise<void> {
		await this.page.waitForSelector(`${OUTPUT_PANEL} [data-test-id*="error"]`, { visible: true });
	}

	private async clickWhenVisible(selector: string): Promise<void> {
		const element = await this.page.waitForSelector(selector, { visible: true });
		await element!.click();
	}

	/** Closes the editor's notifications ("Node executed successfully"), which would cover the output. */
	private async closeNotifications(): Promise<void> {
		await this.page.$$eval('.el-notification .el-notification__closeBtn', (buttons) => {
			for (const button of buttons) (button as unknown as PageElement).click();
		});
		await this.page.waitForFunction(() => document.querySelector('.el-notification') === null);
	}

	async screenshot(path: string): Promise<void> {
		await this.closeNotifications();
		// Until every transition and finite animation (a dropdown closing, a panel sliding) has ended.
		await this.page.waitForFunction(() =>
			document.getAnimations!().every(
				(animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
			),
		);
		// Let the last layout change reach the screen before it is captured.
		await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		await this.page.screenshot({ path, type: 'png' });
	}
}
