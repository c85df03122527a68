// n8n's community rule set (what the verification scanner applies) covers what ships:
// nodes/, credentials/ and package.json. The simulator, scripts and tests run on Node
// directly and get ordinary TypeScript rules, so they may use Node built-ins.
import { config as n8nCommunityConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const toolingFolders = ['test/**', 'simulator/**', 'scripts/**'];

export default tseslint.config(
	...n8nCommunityConfig.map((block) =>
		block.files ? { ...block, ignores: [...(block.ignores ?? []), ...toolingFolders] } : block,
	),
	{
		files: toolingFolders.map((folder) => `${folder.replace('/**', '')}/**/*.ts`),
		extends: [tseslint.configs.recommended],
	},
	{ ignores: ['dist/**', 'coverage/**', '*.js'] },
);
