// The tooling (tests, simulator, scripts) runs on Node directly and is never published, so it
// gets ordinary TypeScript rules and may use Node built-ins. What ships is linted by
// eslint.config.mjs, n8n's unmodified default (required for Cloud verification).
import tseslint from 'typescript-eslint';

export default tseslint.config({
	files: ['**/*.ts'],
	extends: [tseslint.configs.recommended],
});
