// Helper tasks for development. The release build is `n8n-node build`, which copies icons itself;
// `npm run build:watch` recompiles TypeScript and keeps icons in dist/ current while you edit.
const { src, dest, watch, parallel } = require('gulp');
const { spawn } = require('child_process');

const iconGlobs = ['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'];

function copyIcons() {
	return src(iconGlobs, { base: '.', encoding: false }).pipe(dest('dist'));
}

function watchIcons() {
	watch(iconGlobs, { ignoreInitial: false }, copyIcons);
}

function watchTypeScript() {
	return spawn('npx', ['tsc', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' });
}

exports.icons = copyIcons;
exports.watch = parallel(watchIcons, watchTypeScript);
